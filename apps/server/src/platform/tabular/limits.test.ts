import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import * as hostile from './hostile.fixtures.js';
import { TABULAR_LIMITS, TabularLimitError, type TabularLimits, UnsafeContentError } from './limits.js';
import { UnreadableFileError } from './read.js';
import { textLines } from './text-lines.js';
import { readWorkbook, readWorkbookHere } from './workbook.js';

const limited = (over: Partial<TabularLimits>) => ({ ...TABULAR_LIMITS, ...over });

/** The limit a file is refused by when read in this thread. */
async function refusedBy(file: Buffer, name = 'a.xlsx', limits = TABULAR_LIMITS) {
  try {
    await readWorkbookHere(file, name, limits);
  } catch (e) {
    if (e instanceof TabularLimitError) return e.limit;
    if (e instanceof UnsafeContentError) return 'unsafe';
    if (e instanceof UnreadableFileError) return 'unreadable';
    throw e;
  }
  return 'read';
}

/** What readWorkbook (the worker) answers: sheets, or the AppError code and limit. */
async function viaWorker(file: Buffer, name: string, opts: Parameters<typeof readWorkbook>[2] = {}) {
  try {
    return { sheets: await readWorkbook(file, name, opts) };
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, limit: (e.details as { limit?: string } | undefined)?.limit };
    if (e instanceof UnreadableFileError) return { code: 'unreadable' };
    throw e;
  }
}

// The first file read in a process starts the reading worker (tsx loads the reader): slow on a busy machine.
beforeAll(() => readWorkbook(Buffer.from('a\n'), 'warm.csv'), 120_000);

describe('the limits of the spreadsheet reader', { timeout: 180_000 }, () => {
  it('refuses each hostile .xlsx by the limit it goes past', async () => {
    expect(await refusedBy(hostile.mergeBomb())).toBe('mergedCells');
    expect(await refusedBy(hostile.manyMerges(11))).toBe('read');
    expect(await refusedBy(hostile.manyMerges(11), 'a.xlsx', limited({ maxMergedRanges: 10 }))).toBe('mergedRanges');
    expect(await refusedBy(hostile.zipBomb(201))).toBe('uncompressed');
    expect(await refusedBy(hostile.sharedStringsBomb(10, 10), 'a.xlsx', limited({ maxSharedStrings: 9 }))).toBe(
      'sharedStrings',
    );
    expect(await refusedBy(hostile.sharedStringsBomb(10, 100), 'a.xlsx', limited({ maxSharedStringChars: 999 }))).toBe(
      'sharedStringChars',
    );
    expect(await refusedBy(hostile.deepXml(65))).toBe('xmlDepth');
    expect(await refusedBy(hostile.deepXml(50))).toBe('read');
    expect(await refusedBy(hostile.billionLaughs())).toBe('unsafe');
    expect(await refusedBy(hostile.farRow(200_001))).toBe('rows');
    expect(await refusedBy(hostile.farRow(200_000))).toBe('read');
    expect(await refusedBy(hostile.farColumn('ALM'))).toBe('columns'); // column 1,001
    expect(await refusedBy(hostile.farColumn('ALL'))).toBe('read'); // column 1,000
    expect(await refusedBy(hostile.longCell(32_768))).toBe('cellChars');
    expect(await refusedBy(hostile.longCell(32_767))).toBe('read');
    expect(await refusedBy(hostile.rowBomb(1000), 'a.xlsx', limited({ maxCells: 999 }))).toBe('cells');
  });

  it('counts the bytes really inflated when the zip lies about them', async () => {
    const rows = Buffer.from('<row r="2"><c r="A2"><v>1</v></c></row>'.repeat(100_000)); // 3.9 MB, said 1,000 bytes
    const sheet = Buffer.concat([Buffer.from('<worksheet><sheetData>'), rows, Buffer.from('</sheetData></worksheet>')]);
    const lying = hostile.workbook(sheet, { declaredSize: 1000 });
    expect(await refusedBy(lying, 'a.xlsx', limited({ maxUncompressedBytes: 2_000_000 }))).toBe('uncompressed');
    expect(await refusedBy(hostile.zipBomb(20, { lie: true }))).toBe('cellChars'); // 128 KB of blanks: no cell
  });

  it('refuses zips with too many entries and files over the size limit', async () => {
    const many = hostile.zip(Array.from({ length: 30 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })));
    expect(await refusedBy(many, 'a.xlsx', limited({ maxEntries: 20 }))).toBe('entries');
    expect(await refusedBy(hostile.mergeBomb(), 'a.xlsx', limited({ maxFileBytes: 100 }))).toBe('fileBytes');
  });

  it('tells files that are no spreadsheet apart', async () => {
    for (const [file, name] of [
      [hostile.pngAsXlsx(), 'a.xlsx'],
      [hostile.truncatedZip(), 'a.xlsx'],
      [hostile.badCentralDirectory(), 'a.xlsx'],
      [hostile.binaryCsv(), 'a.csv'],
      [hostile.gbkCsv(), 'a.csv'],
    ] as const)
      expect(await refusedBy(file, name)).toBe('unreadable');
  });

  it('holds CSV to rows, columns, cells and cell length (a 50 MB line stops at the cell limit)', async () => {
    expect(await refusedBy(hostile.longLineCsv(50), 'a.csv', limited({ maxFileBytes: 60 * 1024 * 1024 }))).toBe(
      'cellChars',
    );
    expect(await refusedBy(hostile.manyRowsCsv(200_000), 'a.csv')).toBe('rows'); // + the header
    expect(await refusedBy(hostile.manyRowsCsv(199_999), 'a.csv')).toBe('read');
    expect(await refusedBy(hostile.wideCsv(1_001), 'a.csv')).toBe('columns');
    expect(await refusedBy(hostile.manyRowsCsv(100), 'a.csv', limited({ maxCells: 150 }))).toBe('cells');
  });

  it('reads formula cells as their cached value, never evaluating them', async () => {
    const [sheet] = await readWorkbookHere(hostile.formulas(), 'a.xlsx');
    expect(sheet?.rows[1]).toEqual(['点此', '', '0']);
    const [csv] = await readWorkbookHere(Buffer.from(`a,b\n=cmd|' /C calc'!A0,@SUM(1+1)\n`), 'a.csv');
    expect(csv?.rows[1]).toEqual([`=cmd|' /C calc'!A0`, '@SUM(1+1)']);
  });

  it('reads a 100,000-row sheet whole, in the worker', async () => {
    const cols = 'ABCDEFGHIJ'.split('');
    const strings = Array.from({ length: 1000 }, (_, i) => `<si><t>武江区西河镇工业路${i}号</t></si>`).join('');
    const rows = Array.from(
      { length: 100_000 },
      (_, r) =>
        `<row r="${r + 2}">${cols.map((c, i) => `<c r="${c}${r + 2}" t="s"><v>${(r + i) % 1000}</v></c>`).join('')}</row>`,
    ).join('');
    const file = hostile.workbook(`<worksheet><sheetData>${rows}</sheetData></worksheet>`, {
      sharedStrings: `<sst>${strings}</sst>`,
    });
    const r = await viaWorker(file, 'big.xlsx');
    expect(r.sheets?.[0]?.rows).toHaveLength(100_001);
    expect(r.sheets?.[0]?.rows[100_000]?.[9]).toBe('武江区西河镇工业路8号');
  });

  it('answers limits and unsafe content from the worker as 422 AppErrors, and the worker serves again', async () => {
    expect(await viaWorker(hostile.mergeBomb(), 'a.xlsx')).toEqual({
      code: 'FILE_LIMIT_EXCEEDED',
      limit: 'mergedCells',
    });
    expect(await viaWorker(hostile.billionLaughs(), 'a.xlsx')).toEqual({
      code: 'FILE_UNSAFE_CONTENT',
      limit: undefined,
    });
    expect(await viaWorker(hostile.pngAsXlsx(), 'a.xlsx')).toEqual({ code: 'unreadable' });
    expect((await viaWorker(Buffer.from('a,b\n1,2\n'), 'a.csv')).sheets).toEqual([
      {
        name: 'csv',
        rows: [
          ['a', 'b'],
          ['1', '2'],
        ],
      },
    ]);
  });

  it('ends a worker that runs out of time or heap, and reads the next file', async () => {
    const file = hostile.rowBomb(150_000);
    expect(await viaWorker(file, 'slow.xlsx', { timeoutMs: 50 })).toEqual({
      code: 'FILE_LIMIT_EXCEEDED',
      limit: 'time',
    });
    const fat = hostile.sharedStringsBomb(100_000, 300, 'x'); // 30 million characters held
    expect(await viaWorker(fat, 'fat.xlsx', { maxOldGenerationSizeMb: 32 })).toEqual({
      code: 'FILE_LIMIT_EXCEEDED',
      limit: 'memory',
    });
    expect((await viaWorker(Buffer.from('a\n1\n'), 'a.csv')).sheets?.[0]?.rows).toEqual([['a'], ['1']]);
  });

  it('reads two files at once, queues eight, and answers busy beyond', async () => {
    const file = hostile.rowBomb(20_000);
    const all = await Promise.all(Array.from({ length: 12 }, () => viaWorker(file, 'a.xlsx')));
    const busy = all.filter((r) => r.code === 'FILE_PARSER_BUSY').length;
    expect(busy).toBe(2);
    expect(all.filter((r) => r.sheets?.[0]?.rows.length === 20_001)).toHaveLength(10);
  });

  it("holds the bank's result text to its limits", () => {
    expect(textLines('\ufeff流水号,结果\r\n 1,成功 \n\n')).toEqual(['流水号,结果', '1,成功']);
    const limitOf = (text: string) => {
      try {
        textLines(text);
      } catch (e) {
        return e instanceof AppError ? [e.code, (e.details as { limit: string }).limit] : e;
      }
    };
    expect(limitOf(`1,成功,${'x'.repeat(1001)}`)).toEqual(['FILE_LIMIT_EXCEEDED', 'cellChars']);
    expect(limitOf('\n'.repeat(200_000))).toEqual(['FILE_LIMIT_EXCEEDED', 'rows']);
  });
});
