import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './read.js';
import { readSheet, readWorkbook } from './workbook.js';

// The first file read in a process starts the reading worker (tsx loads the reader): slow on a busy machine.
beforeAll(() => readWorkbook(Buffer.from('a\n'), 'warm.csv'), 120_000);

describe('CSV', () => {
  it('parses quotes, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x,1","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x,1', 'say "hi"'],
    ]);
  });

  it('round-trips and neutralises formula injection', () => {
    const csv = toCsv(['名称', '备注'], [['甲,乙', '=HYPERLINK("x")']]);
    expect(parseCsv(csv)).toEqual([
      ['名称', '备注'],
      ['甲,乙', `'=HYPERLINK("x")`],
    ]);
  });

  it('reads a sheet with 1-based row numbers and skips blank rows', async () => {
    const s = await readSheet(Buffer.from('名称,类型\n甲,市\n\n乙,县\n'), 'a.csv');
    expect(s.header).toEqual(['名称', '类型']);
    expect(s.rows).toEqual([
      { row: 2, cells: ['甲', '市'] },
      { row: 4, cells: ['乙', '县'] },
    ]);
  });
});
