import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveWorkbook, generatedId } from '../../test-support/households.js';
import { readWorkbookWithExceljs } from './exceljs-reader.js';
import type { RawSheet } from './workbook.js';
import { readWorkbook } from './workbook.js';

/** Holes (cells exceljs never had) become null, so that the comparison sees them. */
const shape = (sheets: RawSheet[]) =>
  sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => Array.from(r, (c, i) => (i in r ? c : null))) }));

async function same(buffer: Buffer) {
  const now = shape(await readWorkbook(buffer, 'a.xlsx'));
  expect(now).toStrictEqual(shape(await readWorkbookWithExceljs(buffer)));
  return now;
}

function mixedWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('困难职工档案');
  ws.addRow(['姓名', '金额', '日期', '备注', '是否单亲']);
  ws.addRow(['  张建国 ', 1234.5, new Date(Date.UTC(2024, 1, 29)), '医疗救助、子女助学', true]);
  ws.addRow(['李秀兰', 0, new Date(Date.UTC(1999, 11, 31, 18)), null, false]);
  ws.getRow(7).values = [undefined, '隔行', undefined, undefined, '第四列'] as ExcelJS.CellValue[];
  ws.getCell('G9').value = '稀疏';
  ws.getCell('A10').value = '<特殊> & "引号" \'单引号\'';
  ws.getCell('B10').value = { richText: [{ text: ' 富' }, { text: '文本 ', font: { bold: true } }] };
  ws.getCell('C10').value = { formula: 'B2*2', result: 2469 };
  ws.getCell('D10').value = { formula: 'A2&"x"', result: '公式 ' };
  ws.getCell('E10').value = -0.000125;
  ws.getCell('A11').value = 45000;
  ws.getCell('A11').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('B11').value = 45000.75;
  ws.getCell('B11').numFmt = '0.00';
  ws.getCell('C11').value = 0.5;
  ws.getCell('C11').numFmt = 'h:mm';
  ws.getCell('D11').value = '';
  ws.getCell('E11').value = '   ';
  ws.getCell('A12').value = '标题';
  ws.mergeCells('A12:C13');
  ws.getCell('A13').style = { font: { bold: true } };
  ws.getCell('H14').style = { font: { italic: true } };
  const second = wb.addWorksheet('第二页');
  second.addRow([]);
  second.addRow(['甲', 1, '乙']);
  wb.addWorksheet('空白');
  return wb;
}

// The first file read in a process starts the reading worker (tsx loads the reader): slow on a busy machine.
beforeAll(() => readWorkbook(Buffer.from('a\n'), 'warm.csv'), 120_000);

describe('the streaming reader gives what the exceljs reader gave', { timeout: 30_000 }, () => {
  it('on an archive workbook with members', async () => {
    const households = Array.from({ length: 300 }, (_, n) => ({
      姓名: `职工${n}号`,
      身份证号: generatedId(n),
      婚姻状况: '已婚',
      工作状态: '下岗失业',
      主要致困原因: '下岗失业',
      家庭住址: n % 7 === 0 ? '' : `武江区西河镇工业路${n}号`,
      '工资性收入（元/年）': String(n * 100),
    }));
    const members = [{ 户主身份证号: generatedId(1), 姓名: '李秀兰', 与户主关系: '配偶' }];
    const sheets = await same(await archiveWorkbook(households, members));
    expect(sheets.map((s) => s.name)).toEqual(['困难职工档案', '家庭成员']);
    expect(sheets[0]?.rows[0]?.[0]).toBe('姓名'); // the archive layout's first column (HOUSEHOLD_COLUMNS)
    expect(sheets[1]?.rows[1]?.slice(1, 3)).toEqual(['李秀兰', '配偶']);
  });

  it('on Chinese text, numbers, dates, empty and sparse cells, rich text, formulas, merges and three sheets', async () => {
    const wb = mixedWorkbook();
    const sheets = await same(Buffer.from(await wb.xlsx.writeBuffer()));
    const rows = sheets[0]?.rows ?? [];
    expect(rows[1]).toEqual(['张建国', '1234.5', '2024-02-29', '医疗救助、子女助学', 'true']);
    expect(rows[3]).toEqual([]);
    expect(rows[10]?.slice(0, 3)).toEqual(['2023-03-15', '45000.75', '1899-12-30']);
    expect(rows[12]?.slice(0, 3)).toEqual(['标题', '标题', '标题']);
    expect(sheets.map((s) => s.name)).toEqual(['困难职工档案', '第二页', '空白']);
  });

  it('on inline strings', async () => {
    await same(Buffer.from(await mixedWorkbook().xlsx.writeBuffer({ useSharedStrings: false } as never)));
  });

  it("on exceljs's streaming writer", async () => {
    const path = `${process.env.TMPDIR ?? '/tmp'}/bangfu-compare-${process.pid}.xlsx`;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('困难职工档案');
    ws.addRow(['姓名', '参加工作时间', '建筑面积']).commit();
    for (let i = 0; i < 2000; i++) {
      ws.addRow([`职工${i}号`, new Date(Date.UTC(1990, 0, 1 + i)), i % 3 ? 45.5 : null]).commit();
    }
    ws.commit();
    await wb.commit();
    const fs = await import('node:fs/promises');
    const buffer = await fs.readFile(path);
    await fs.rm(path);
    const sheets = await same(buffer);
    expect(sheets[0]?.rows[2000]).toEqual(['职工1999号', '1995-06-23', '45.5']);
  });

  it('on hand-written XML: shared rich text, _x escapes, preserved spaces, entities, cells without r', async () => {
    const zip = new JSZip();
    zip.file(
      'xl/workbook.xml',
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/>' +
        '<sheets><sheet name="A&amp;B" sheetId="2" r:id="rId2"/><sheet name="首页" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    const rel = (id: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/>`;
    zip.file(
      'xl/_rels/workbook.xml.rels',
      `<Relationships>${rel('rId1', 'worksheets/sheet1.xml')}${rel('rId2', '/xl/worksheets/sheet2.xml')}</Relationships>`,
    );
    zip.file(
      'xl/sharedStrings.xml',
      '<sst><si><t xml:space="preserve">  前后空格  </t></si><si><r><t xml:space="preserve"> 第一段</t></r><r><rPr><b/></rPr><t>第二段 </t></r></si>' +
        '<si><t>回车_x000D_换行&#10;&lt;b&gt;</t><rPh sb="0" eb="1"><t>ピン</t></rPh></si><si/></sst>',
    );
    zip.file(
      'xl/styles.xml',
      '<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d"/></numFmts>' +
        '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>',
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c>' +
        '<c r="E2" t="s"><v>3</v></c></row><row r="4"><c r="A4" s="1"><v>40000</v></c><c r="B4" s="2"><v>40000</v></c>' +
        '<c r="C4" s="3"><v>40000</v></c><c r="D4" t="b"><v>1</v></c><c r="E4" t="e"><v>#N/A</v></c><c r="F4" t="str"><v>a&amp;amp;b</v></c>' +
        '<c r="G4" t="inlineStr"><is><t xml:space="preserve"> 内联 </t></is></c></row></sheetData></worksheet>',
    );
    zip.file(
      'xl/worksheets/sheet2.xml',
      '<worksheet><sheetData><row r="1"><c r="C1"><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="A3" s="1"/><c r="B3"/></row>' +
        '<row r="5"><c r="A5"><f>1+1</f></c><c r="B5"><f>A1</f><v>7</v></c></row></sheetData></worksheet>',
    );
    const sheets = await same(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(sheets.map((s) => s.name)).toEqual(['A&B', '首页']);
    expect(sheets[1]?.rows[1]).toEqual([null, '前后空格', ' 第一段第二段 ', '回车\r换行\n<b>', '']);
    expect(sheets[1]?.rows[3]).toEqual(['2013-07-07', '2013-07-07', '40000', 'true', '', 'a&b', '内联']);
    expect(sheets[0]?.rows).toEqual([[null, null, '1', '2'], [], [], [], ['', '7']]);
  });
});
