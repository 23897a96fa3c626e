import ExcelJS from 'exceljs';

/** A sheet as rows of trimmed strings, the first row being the header. Row numbers are 1-based as users see them. */
export interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** RFC 4180 CSV: quotes, doubled quotes, CRLF, a UTF-8 BOM. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    out.push(row);
  }
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

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result === undefined ? '' : String(v.result);
    return '';
  }
  return String(v);
}

export class UnreadableFileError extends Error {}

/** Read .xlsx (first worksheet) or .csv into a Sheet. */
export async function readSheet(buffer: Buffer, filename: string): Promise<Sheet> {
  let table: string[][];
  const isXlsx = /\.xlsx$/i.test(filename) || buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (isXlsx) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch (e) {
      throw new UnreadableFileError(String(e));
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new UnreadableFileError('no worksheet');
    table = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const values = Array.isArray(r.values) ? r.values.slice(1) : [];
      table[n - 1] = values.map((v) => cellText(v as ExcelJS.CellValue));
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
  } else if (/\.csv$/i.test(filename) || !buffer.includes(0)) {
    table = parseCsv(buffer.toString('utf8'));
  } else {
    throw new UnreadableFileError('not .xlsx or .csv');
  }
  const [header = [], ...rest] = table;
  return {
    header: header.map((h) => h.trim()),
    rows: rest
      .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) }))
      .filter((r) => r.cells.some((c) => c !== '')),
  };
}
