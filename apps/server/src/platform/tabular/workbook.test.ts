import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './workbook.js';

describe('reading workbooks', () => {
  it('keeps every Chinese character of a large sheet intact (no U+FFFD at chunk boundaries)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('困难职工档案');
    ws.addRow(['姓名', '致困原因']);
    for (let i = 0; i < 6000; i++) ws.addRow([`职工${i}号`, '下岗失业、重特大疾病、子女上学']);
    const sheets = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx');
    const rows = sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(6001);
    expect(rows.some((r) => r.some((c) => c.includes('\uFFFD')))).toBe(false);
    expect(rows[6000]).toEqual(['职工5999号', '下岗失业、重特大疾病、子女上学']);
  });
});
