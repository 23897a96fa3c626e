import { TABULAR_LIMITS, TabularLimitError, type TabularLimits, UnsafeContentError } from './limits.js';
import { csvText, parseCsv, UnreadableFileError } from './read.js';
import { readXlsx } from './xlsx.js';

export interface RawSheet {
  name: string;
  /** Rows of trimmed cell text; index 0 is the header row. Row numbers as users see them are index + 1. */
  rows: string[][];
}

const looksLikeXlsx = (buffer: Buffer, filename: string) =>
  /\.xlsx$/i.test(filename) || buffer.subarray(0, 2).toString('latin1') === 'PK';

/**
 * Reads in the calling thread (the worker's side of readWorkbook, and the tests of the reader itself): every sheet
 * of an .xlsx as rows of cell text, or a .csv as one sheet. Throws TabularLimitError past a limit,
 * UnreadableFileError for a file that is not a spreadsheet, UnsafeContentError for a DTD.
 */
export async function readWorkbookHere(
  buffer: Buffer,
  filename: string,
  limits: TabularLimits = TABULAR_LIMITS,
): Promise<RawSheet[]> {
  if (!looksLikeXlsx(buffer, filename)) {
    const rows = parseCsv(csvText(buffer, limits), limits);
    return [{ name: 'csv', rows: rows.map((r) => r.map((c) => c.trim())) }];
  }
  // Streamed entry by entry (xlsx.ts), not exceljs: its whole-workbook model took ~1.5 GB for 100,000 rows, and
  // its streaming WorkbookReader turns Chinese split across chunks into U+FFFD (exceljs #2063, #2084, #2316).
  try {
    return await readXlsx(buffer, limits);
  } catch (e) {
    if (e instanceof TabularLimitError || e instanceof UnsafeContentError) throw e;
    throw new UnreadableFileError(String(e));
  }
}
