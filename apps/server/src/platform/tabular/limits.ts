/**
 * Limits on every uploaded spreadsheet (.xlsx, .csv). A file that passes one is refused with FILE_LIMIT_EXCEEDED
 * (422, naming the limit) before it can cost the server more than its share; the reading itself runs in a worker
 * thread with its own heap and a time limit (workbook.ts, worker-pool.ts), so a file that gets past these still
 * cannot stop the server. The numbers leave room for the largest real case, a 100,000-row archive file with
 * 50,000 members (about 5 million cells, 20 MB as .xlsx).
 */
export interface TabularLimits {
  /** Bytes of the file as uploaded (the zip, or the CSV text). */
  maxFileBytes: number;
  /** Bytes of XML inflated from the zip, all entries together (declared and counted while inflating). */
  maxUncompressedBytes: number;
  /** Entries in the zip. */
  maxEntries: number;
  maxSheets: number;
  /** Row number of the last filled row of a sheet (CSV: lines). */
  maxRows: number;
  /** Column number of the last filled cell of a row. */
  maxColumns: number;
  /** Cells held for the whole workbook (each row counts up to its last filled column). */
  maxCells: number;
  maxMergedRanges: number;
  /** Cells covered by merged ranges, all ranges together. */
  maxMergedCells: number;
  maxSharedStrings: number;
  /** Characters of the shared-strings table, all strings together. */
  maxSharedStringChars: number;
  /** Characters of one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Nesting depth of the XML elements. */
  maxXmlDepth: number;
}

export const TABULAR_LIMITS: TabularLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 2_000,
  maxSheets: 50,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCells: 12_000_000,
  maxMergedRanges: 10_000,
  maxMergedCells: 1_000_000,
  maxSharedStrings: 3_000_000,
  maxSharedStringChars: 60_000_000,
  maxCellChars: 32_767,
  maxXmlDepth: 64,
};

/** The worker that reads a file: heap in MB and wall time in ms, after which it is terminated. */
export const PARSE_RESOURCES = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, timeoutMs: 180_000 };

export type LimitName =
  | 'fileBytes'
  | 'uncompressed'
  | 'entries'
  | 'sheets'
  | 'rows'
  | 'columns'
  | 'cells'
  | 'mergedRanges'
  | 'mergedCells'
  | 'sharedStrings'
  | 'sharedStringChars'
  | 'cellChars'
  | 'xmlDepth'
  | 'memory'
  | 'time';

/** What each limit is called in the error message. */
export const LIMIT_LABELS: Record<LimitName, { zh: string; en: string }> = {
  fileBytes: { zh: '文件大小（字节）', en: 'file size (bytes)' },
  uncompressed: { zh: '解压后大小（字节）', en: 'uncompressed size (bytes)' },
  entries: { zh: '压缩包内文件数', en: 'entries in the zip' },
  sheets: { zh: '工作表数', en: 'worksheets' },
  rows: { zh: '行数', en: 'rows' },
  columns: { zh: '列数', en: 'columns' },
  cells: { zh: '单元格总数', en: 'cells' },
  mergedRanges: { zh: '合并单元格区域数', en: 'merged ranges' },
  mergedCells: { zh: '合并单元格覆盖的单元格数', en: 'cells covered by merged ranges' },
  sharedStrings: { zh: '共享字符串数', en: 'shared strings' },
  sharedStringChars: { zh: '共享字符串总字数', en: 'characters of shared strings' },
  cellChars: { zh: '单个单元格字数', en: 'characters in one cell' },
  xmlDepth: { zh: 'XML 嵌套层数', en: 'XML nesting depth' },
  memory: { zh: '解析内存（MB）', en: 'memory for reading (MB)' },
  time: { zh: '解析时间（秒）', en: 'time for reading (seconds)' },
};

const LIMIT_KEYS: Record<Exclude<LimitName, 'memory' | 'time'>, keyof TabularLimits> = {
  fileBytes: 'maxFileBytes',
  uncompressed: 'maxUncompressedBytes',
  entries: 'maxEntries',
  sheets: 'maxSheets',
  rows: 'maxRows',
  columns: 'maxColumns',
  cells: 'maxCells',
  mergedRanges: 'maxMergedRanges',
  mergedCells: 'maxMergedCells',
  sharedStrings: 'maxSharedStrings',
  sharedStringChars: 'maxSharedStringChars',
  cellChars: 'maxCellChars',
  xmlDepth: 'maxXmlDepth',
};

/** A file went past a limit. Carries what the API answers as FILE_LIMIT_EXCEEDED's details. */
export class TabularLimitError extends Error {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
  ) {
    super(`${LIMIT_LABELS[limit].en} above ${max}`);
  }

  get details() {
    return { limit: this.limit, max: this.max, what: LIMIT_LABELS[this.limit].zh, whatEn: LIMIT_LABELS[this.limit].en };
  }
}

/** Throws TabularLimitError when value > the limit. */
export function check(limits: TabularLimits, limit: Exclude<LimitName, 'memory' | 'time'>, value: number) {
  const max = limits[LIMIT_KEYS[limit]];
  if (value > max) throw new TabularLimitError(limit, max);
}

/** A file carrying something no spreadsheet we read needs and a parser must not act on (a DTD, entities). */
export class UnsafeContentError extends Error {}
