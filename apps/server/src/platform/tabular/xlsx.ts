import JSZip from 'jszip';
import { check, TABULAR_LIMITS, type TabularLimits } from './limits.js';
import { type Budget, checkZip, parseEntry } from './xml-entry.js';

/**
 * A streaming .xlsx reader: each XML entry is inflated in chunks, decoded by one streaming TextDecoder (so a
 * character split across chunks stays whole) and parsed by saxes, keeping only the cell text. Memory follows the
 * rows returned, not a cell model of the whole workbook. Cell text follows what the former exceljs reader gave:
 * plain strings and numbers trimmed, rich text and formula results as they are, numbers in a date format as
 * YYYY-MM-DD, empty cells as holes, merged cells repeating their top-left cell's text. Formulas are never
 * evaluated: a formula cell gives its cached value (or nothing). Every step is held to TabularLimits (limits.ts).
 */

export interface XlsxSheet {
  name: string;
  rows: string[][];
}

/** Excel's _xHHHH_ escapes in string items. */
const unescapeX = (s: string) =>
  s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A second pass over the five XML entities, as exceljs does for t="str" cells. */
const ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);
const xmlDecode = (s: string) => s.replace(/&([a-z]*);/g, (c, n: string) => ENTITIES.get(n) ?? c);

/** exceljs's test for a date format: any of y m d h M s b outside quotes and brackets. */
const isDateFormat = (fmt: string) => /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Built-in number formats that are dates or times (ids 14–22, 45–47). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function resolveTarget(target: string): string {
  const t = target.trim();
  const parts: string[] = [];
  for (const p of (t.startsWith('/') ? t.slice(1) : `xl/${t}`).split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

async function readSheetList(zip: JSZip, budget: Budget) {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  const ok = await parseEntry(
    zip,
    'xl/workbook.xml',
    {
      open(name, a) {
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        if (name === 'sheet') {
          const rid = Object.entries(a).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1] ?? '';
          sheets.push({ name: a.name ?? '', rid });
          check(budget.limits, 'sheets', sheets.length);
        }
      },
      text() {},
      close() {},
    },
    budget,
  );
  if (!ok) throw new Error('no xl/workbook.xml');
  const targets = new Map<string, string>();
  await parseEntry(
    zip,
    'xl/_rels/workbook.xml.rels',
    {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target && /\/worksheet$/.test(a.Type ?? '')) {
          targets.set(a.Id, resolveTarget(a.Target));
        }
      },
      text() {},
      close() {},
    },
    budget,
  );
  const list = sheets.flatMap((s) => {
    const path = targets.get(s.rid);
    return path ? [{ name: s.name, path }] : [];
  });
  return { list, date1904 };
}

/** Which cell style ids (cellXfs indexes) carry a date format. */
async function readDateStyles(zip: JSZip, budget: Budget): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await parseEntry(
    zip,
    'xl/styles.xml',
    {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number.parseInt(a.numFmtId ?? '', 10), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(Number.parseInt(a.numFmtId ?? '0', 10));
      },
      text() {},
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    budget,
  );
  return xfs.map((id) => {
    if (!id) return false;
    const fmt = custom.get(id);
    return fmt ? isDateFormat(fmt) : BUILTIN_DATE_IDS.has(id);
  });
}

/** Each shared string as the cell text it gives: plain text trimmed, rich text runs joined as they are. */
async function readSharedStrings(zip: JSZip, budget: Budget): Promise<string[]> {
  const { limits } = budget;
  const out: string[] = [];
  let chars = 0;
  let plain: string | undefined;
  let runs: string[] | undefined;
  let buf: string[] | undefined;
  let phonetic = 0;
  let inRun = false;
  await parseEntry(
    zip,
    'xl/sharedStrings.xml',
    {
      open(name) {
        if (name === 'si') {
          plain = undefined;
          runs = undefined;
        } else if (name === 'rPh') phonetic++;
        else if (name === 'r' && !phonetic) inRun = true;
        else if (name === 't' && !phonetic) buf = [];
      },
      text(t) {
        if (!buf) return;
        buf.push(t);
        chars += t.length;
        check(limits, 'sharedStringChars', chars);
      },
      close(name) {
        if (name === 't' && buf) {
          const text = unescapeX(buf.join(''));
          if (inRun) {
            runs ??= [];
            runs.push(text);
          } else plain = text;
          buf = undefined;
        } else if (name === 'r') inRun = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          const text = runs ? runs.join('') : (plain ?? '').trim();
          check(limits, 'cellChars', text.length);
          check(limits, 'sharedStrings', out.push(text));
        }
      },
    },
    budget,
  );
  return out;
}

const A = 'A'.charCodeAt(0);
function parseRef(ref: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c >= A && c <= A + 25) col = col * 26 + (c - A + 1);
    else if (ref[i] !== '$') break;
  }
  return { col, row: Number.parseInt(ref.slice(i).replace('$', ''), 10) };
}

interface Context {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

function numberText(v: string, style: number, ctx: Context): string {
  const n = Number.parseFloat(v);
  if (style > 0 && ctx.dateStyles[style]) {
    const d = new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 86_400_000));
    if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 10);
  }
  return String(n);
}

interface Cell {
  t: string;
  style: number;
  formula: boolean;
  value?: string;
  runs?: string[];
}

/** The text of a finished cell, or undefined for an empty one (a hole in the row). */
function cellText(c: Cell, ctx: Context): string | undefined {
  const v = c.value;
  if (c.formula) {
    if (!v) return '';
    if (c.t === 'str') return xmlDecode(v);
    if (c.t === 'b') return String(Number.parseInt(v, 10) !== 0);
    if (c.t === 'e') return '';
    return numberText(v, c.style, ctx);
  }
  if (c.runs) return c.runs.join('');
  if (v === undefined) return undefined;
  switch (c.t) {
    case 's':
      return ctx.strings[Number.parseInt(v, 10)] ?? '';
    case 'str':
      return xmlDecode(v).trim();
    case 'inlineStr':
      return v.trim();
    case 'b':
      return String(Number.parseInt(v, 10) !== 0);
    case 'e':
      return '';
    case 'd':
      return v.trim().slice(0, 10);
    default:
      return numberText(v, c.style, ctx).trim();
  }
}

/** The range of a merged cell reference, or undefined if it is not one. */
function mergeRange(ref: string) {
  const [from = '', to = from] = ref.split(':');
  const a = parseRef(from);
  const b = parseRef(to);
  const m = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
  return m.top > 0 && m.left > 0 ? m : undefined;
}

async function readSheet(
  zip: JSZip,
  path: string,
  ctx: Context,
  budget: Budget & { cells: number },
): Promise<string[][] | undefined> {
  const { limits } = budget;
  const rows: string[][] = [];
  const merges: string[] = [];
  let mergedCells = 0;
  let rowNo = 0;
  let col = 0;
  let cells: string[] = [];
  let filled = false;
  let cell: Cell | undefined;
  let target: 'v' | 'f' | 't' | 'rt' | undefined;
  let runText = '';
  let phonetic = 0;
  const ok = await parseEntry(
    zip,
    path,
    {
      open(name, a) {
        if (name === 'c') {
          const ref = a.r ? parseRef(a.r) : undefined;
          col = ref?.col || col + 1;
          cell = { t: a.t ?? 'n', style: a.s ? Number.parseInt(a.s, 10) : 0, formula: false };
        } else if (!cell) {
          if (name === 'row') {
            rowNo = a.r ? Number.parseInt(a.r, 10) : rowNo + 1;
            col = 0;
            cells = [];
            filled = false;
          } else if (name === 'mergeCell' && a.ref) {
            check(limits, 'mergedRanges', merges.push(a.ref));
            const m = mergeRange(a.ref);
            if (m) {
              mergedCells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
              check(limits, 'mergedCells', mergedCells);
              check(limits, 'rows', m.bottom);
              check(limits, 'columns', m.right);
            }
          }
        } else if (name === 'rPh') phonetic++;
        else if (phonetic) return;
        else if (name === 'f') {
          target = 'f';
          if (a.t) cell.formula = true;
        } else if (name === 'v') target = 'v';
        else if (name === 'r') cell.runs ??= [];
        else if (name === 't') {
          target = cell.runs ? 'rt' : 't';
          runText = '';
        }
      },
      text(t) {
        if (!cell || !target || phonetic) return;
        if (target === 'f') cell.formula ||= t.length > 0;
        else if (target === 'rt') {
          runText += t;
          check(limits, 'cellChars', runText.length);
        } else {
          cell.value = (cell.value ?? '') + t;
          check(limits, 'cellChars', cell.value.length);
        }
      },
      close(name) {
        if (name === 'c' && cell) {
          const text = cellText(cell, ctx);
          if (text !== undefined) {
            check(limits, 'columns', col);
            check(limits, 'cellChars', text.length);
            cells[col - 1] = text;
            filled = true;
          }
          cell = undefined;
          target = undefined;
        } else if (name === 'row') {
          if (filled && rowNo > 0) {
            check(limits, 'rows', rowNo);
            budget.cells += cells.length;
            check(limits, 'cells', budget.cells);
            rows[rowNo - 1] = cells;
          }
        } else if (name === 'rPh') phonetic--;
        else if (name === 't' && target === 'rt') {
          cell?.runs?.push(unescapeX(runText));
          target = undefined;
        } else if (name === 'v' || name === 'f' || name === 't') target = undefined;
      },
    },
    budget,
  );
  if (!ok) return undefined;
  applyMerges(rows, merges);
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** Every cell of a merged range but the top-left one shows the top-left cell's text (as exceljs did). */
function applyMerges(rows: string[][], refs: string[]) {
  const done: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const ref of refs) {
    const m = mergeRange(ref);
    if (!m) continue;
    if (done.some((d) => d.left <= m.right && m.left <= d.right && d.top <= m.bottom && m.top <= d.bottom)) continue;
    done.push(m);
    const master = rows[m.top - 1]?.[m.left - 1] ?? '';
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        rows[r - 1] ??= [];
        (rows[r - 1] as string[])[c - 1] = master;
      }
    }
  }
}

/** Every worksheet of an .xlsx, in the workbook's order, as rows of cell text; refused past any of the limits. */
export async function readXlsx(buffer: Buffer, limits: TabularLimits = TABULAR_LIMITS): Promise<XlsxSheet[]> {
  check(limits, 'fileBytes', buffer.length);
  const zip = await JSZip.loadAsync(buffer);
  const budget = { limits, inflated: 0, cells: 0 };
  checkZip(zip, budget);
  const { list, date1904 } = await readSheetList(zip, budget);
  const strings = await readSharedStrings(zip, budget);
  const ctx: Context = { strings, dateStyles: await readDateStyles(zip, budget), date1904 };
  const sheets: XlsxSheet[] = [];
  for (const s of list) {
    const rows = await readSheet(zip, s.path, ctx, budget);
    if (rows) sheets.push({ name: s.name, rows });
  }
  return sheets;
}
