import ExcelJS from 'exceljs';
import { UnreadableFileError } from './read.js';
import type { RawSheet } from './workbook.js';

/**
 * The former whole-workbook reader (exceljs's cell model; about 1.5 GB peak for 100,000 archive rows). Kept only
 * to check the streaming reader against it (workbook.compare.test.ts, workbook.bench.ts); imports do not use it.
 */
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

export async function readWorkbookWithExceljs(buffer: Buffer): Promise<RawSheet[]> {
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
