import type { RawSheet } from './parse-here.js';
import { UnreadableFileError } from './read.js';
import { type ParseOptions, parseInWorker } from './worker-pool.js';

export { type RawSheet, readWorkbookHere } from './parse-here.js';

/** A sheet as rows of trimmed strings, the first row being the header. Row numbers are 1-based as users see them. */
export interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/**
 * Every sheet of an uploaded .xlsx, or a .csv as one sheet, read in a worker thread with its own heap limit and a
 * time limit (worker-pool.ts), so that no file can stop the server. A file past a limit is refused with
 * AppError FILE_LIMIT_EXCEEDED (422) or FILE_UNSAFE_CONTENT (422); one that is no spreadsheet throws
 * UnreadableFileError, which each import turns into its own format error.
 */
export function readWorkbook(buffer: Buffer, filename: string, opts: ParseOptions = {}): Promise<RawSheet[]> {
  return parseInWorker(buffer, filename, opts);
}

/** The first sheet of an upload (read as readWorkbook does), its header trimmed, blank rows left out. */
export async function readSheet(buffer: Buffer, filename: string, opts: ParseOptions = {}): Promise<Sheet> {
  const [first] = await readWorkbook(buffer, filename, opts);
  if (!first) throw new UnreadableFileError('no worksheet');
  const [header = [], ...rest] = first.rows;
  return {
    header: Array.from(header, (h) => (h ?? '').trim()),
    rows: rest
      .map((cells, i) => ({ row: i + 2, cells: Array.from(cells, (c) => (c ?? '').trim()) }))
      .filter((r) => r.cells.some((c) => c !== '')),
  };
}
