import { check, TABULAR_LIMITS, type TabularLimits } from './limits.js';

/**
 * RFC 4180 CSV: quotes, doubled quotes, CRLF, a UTF-8 BOM. Held to the limits as it goes: rows, columns, cells and
 * the characters of one cell (a 50 MB line stops at the cell limit, not at the end of the line).
 */
export function parseCsv(text: string, limits: TabularLimits = TABULAR_LIMITS): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let cells = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
    check(limits, 'columns', row.length);
    check(limits, 'cells', ++cells);
  };
  const endRow = () => {
    endCell();
    check(limits, 'rows', out.push(row));
    row = [];
  };
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const maxCell = limits.maxCellChars;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
    if (cell.length > maxCell) check(limits, 'cellChars', cell.length);
  }
  if (cell !== '' || row.length) endRow();
  return out;
}

export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Cells starting with = + - @ are prefixed so that spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export class UnreadableFileError extends Error {}

/**
 * CSV bytes as text: UTF-8 only (with or without a BOM). A file with NUL bytes or bytes that are not UTF-8 (a
 * binary, or a GBK export) is refused, never read into garbled names.
 */
export function csvText(buffer: Buffer, limits: TabularLimits = TABULAR_LIMITS): string {
  check(limits, 'fileBytes', buffer.length);
  if (buffer.includes(0)) throw new UnreadableFileError('不是 .xlsx 或 .csv 文件（含二进制内容）');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new UnreadableFileError('CSV 文件须为 UTF-8 编码（Excel“另存为”选择“CSV UTF-8”）');
  }
}
