import { parseCsv, UnreadableFileError } from './read.js';
import { readXlsx } from './xlsx.js';

export interface RawSheet {
  name: string;
  /** Rows of trimmed cell text; index 0 is the header row. Row numbers as users see them are index + 1. */
  rows: string[][];
}

/** Every sheet of an .xlsx as rows of cell text, or a .csv as one sheet. */
export async function readWorkbook(buffer: Buffer, filename: string): Promise<RawSheet[]> {
  const isXlsx = /\.xlsx$/i.test(filename) || buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (!isXlsx) {
    if (buffer.includes(0)) throw new UnreadableFileError('not .xlsx or .csv');
    return [{ name: 'csv', rows: parseCsv(buffer.toString('utf8')).map((r) => r.map((c) => c.trim())) }];
  }
  // Streamed entry by entry (xlsx.ts), not exceljs: its whole-workbook model took ~1.5 GB for 100,000 rows, and
  // its streaming WorkbookReader turns Chinese split across chunks into U+FFFD (exceljs #2063, #2084, #2316).
  try {
    return await readXlsx(buffer);
  } catch (e) {
    throw new UnreadableFileError(String(e));
  }
}
