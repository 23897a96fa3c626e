import ExcelJS from 'exceljs';
import { parseCsv, UnreadableFileError } from './read.js';

export interface RawSheet {
  name: string;
  /** Rows of trimmed cell text; index 0 is the header row. Row numbers as users see them are index + 1. */
  rows: string[][];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return String(o.text);
    if ('result' in o) return o.result === undefined ? '' : String(o.result);
    return '';
  }
  return String(v).trim();
}

/** Every sheet of an .xlsx as rows of cell text, or a .csv as one sheet. */
export async function readWorkbook(buffer: Buffer, filename: string): Promise<RawSheet[]> {
  const isXlsx = /\.xlsx$/i.test(filename) || buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (!isXlsx) {
    if (buffer.includes(0)) throw new UnreadableFileError('not .xlsx or .csv');
    return [{ name: 'csv', rows: parseCsv(buffer.toString('utf8')).map((r) => r.map((c) => c.trim())) }];
  }
  // Not exceljs's streaming WorkbookReader: it splits multi-byte characters at chunk boundaries and turns
  // Chinese text into U+FFFD (exceljs issues #2063, #2084, #2316). The whole-workbook reader decodes correctly.
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(String(e));
  }
  const sheets: RawSheet[] = [];
  for (const ws of wb.worksheets) {
    const sheet: RawSheet = { name: ws.name, rows: [] };
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      sheet.rows[n - 1] = values.map(cellText);
    });
    for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= [];
    sheets.push(sheet);
  }
  return sheets;
}
