import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnreadableFileError } from './read.js';
import { readWorkbook } from './workbook.js';

// The first file read in a process starts the reading worker (tsx loads the reader): slow on a busy machine.
beforeAll(() => readWorkbook(Buffer.from('a\n'), 'warm.csv'), 120_000);

describe('reading workbooks', { timeout: 30_000 }, () => {
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

  it('reads prefixed tags, dates computed by formulas, ISO date cells; skips chart sheets', async () => {
    const zip = new JSZip();
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    zip.file(
      'xl/workbook.xml',
      `<x:workbook ${ns} xmlns:r="r"><x:sheets><x:sheet name="图" sheetId="2" r:id="rId2"/>` +
        '<x:sheet name="数据" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
    );
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    zip.file(
      'xl/_rels/workbook.xml.rels',
      `<Relationships>${rel('rId1', 'worksheet', 'worksheets/data.xml')}${rel('rId2', 'chartsheet', 'chartsheets/sheet1.xml')}</Relationships>`,
    );
    zip.file(
      'xl/styles.xml',
      `<x:styleSheet ${ns}><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`,
    );
    zip.file('xl/chartsheets/sheet1.xml', '<chartsheet/>');
    zip.file(
      'xl/worksheets/data.xml',
      `<x:worksheet ${ns}><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c>` +
        '<x:c s="1"><x:f>TODAY()</x:f><x:v>45000</x:v></x:c><x:c t="d"><x:v>2024-03-01T00:00:00Z</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
    const sheets = await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'a.xlsx');
    expect(sheets).toEqual([{ name: '数据', rows: [['甲', '2023-03-15', '2024-03-01']] }]);
  });

  it('turns a broken file into UnreadableFileError', async () => {
    await expect(readWorkbook(Buffer.from('PK not a zip'), 'a.xlsx')).rejects.toBeInstanceOf(UnreadableFileError);
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="a"');
    const broken = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(readWorkbook(broken, 'a.xlsx')).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
