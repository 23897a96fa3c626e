/**
 * Peak memory of reading an archive import, by hand (not part of the test suite):
 *   npx tsx apps/server/src/modules/archive/archive.sheet.measure.ts [rows]
 * writes a generated archive workbook (HOUSEHOLD_COLUMNS + 困难类别, a members sheet) to a temporary file, then
 * reads it in a fresh process with the streaming reader and with the former exceljs reader, and prints each
 * process's peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [mode = 'all', arg = '100000'] = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);

async function make(path: string, count: number) {
  const { default: ExcelJS } = await import('exceljs');
  const { GRADE_COLUMN, HOUSEHOLD_COLUMNS, MEMBER_COLUMNS } = await import('./archive.sheet.js');
  const { generatedId } = await import('../../test-support/households.js');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const main = wb.addWorksheet('困难职工档案');
  const columns = [...HOUSEHOLD_COLUMNS, GRADE_COLUMN];
  main.addRow(columns.map((c) => c.header)).commit();
  const sample = (n: number, c: (typeof columns)[number]) => {
    const codes = c.list ? c.list.codes.map((k) => c.list?.zh[k] ?? k) : [];
    switch (c.kind) {
      case 'code':
      case 'codes':
        return codes[n % codes.length] ?? '';
      case 'yuan':
      case 'number':
        return (n % 50) * 1200 + 0.5;
      case 'bool':
        return n % 2 ? '是' : '否';
      case 'date':
        return new Date(Date.UTC(1985 + (n % 20), n % 12, 1 + (n % 28)));
      default:
        if (c.field === 'idNumber') return generatedId(n);
        if (c.field === 'name') return `职工${n}号`;
        if (c.field === 'phone') return `138${String(n).padStart(8, '0')}`;
        return `${c.header}：武江区西河镇工业路${n % 997}号`;
    }
  };
  for (let n = 0; n < count; n++) main.addRow(columns.map((c) => sample(n, c))).commit();
  main.commit();
  const members = wb.addWorksheet('家庭成员');
  members.addRow(MEMBER_COLUMNS.map((c) => c.header)).commit();
  for (let n = 0; n < count / 2; n++) members.addRow(MEMBER_COLUMNS.map((c) => sample(n + 1, c))).commit();
  members.commit();
  await wb.commit();
}

async function read(which: string, path: string) {
  const buffer = await readFile(path);
  const started = Date.now();
  const sheets =
    which === 'old'
      ? await (await import('../../platform/tabular/exceljs-reader.js')).readWorkbookWithExceljs(buffer)
      : await (await import('../../platform/tabular/workbook.js')).readWorkbook(buffer, 'a.xlsx');
  const rows = sheets.map((s) => s.rows.length).join('+');
  const mb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`${which}: ${rows} rows, ${Date.now() - started} ms, peak RSS ${mb} MB`);
}

if (mode === 'make') await make(process.argv[4] ?? '', Number(arg));
else if (mode === 'old' || mode === 'new') await read(mode, arg);
else {
  const path = join(tmpdir(), `bangfu-measure-${process.pid}.xlsx`);
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', self, ...args], { stdio: 'inherit' });
  run('make', mode === 'all' ? arg : mode, path);
  console.log(`${path}: ${Math.round((await readFile(path)).length / 1024)} KB`);
  try {
    run('new', path);
    run('old', path);
  } finally {
    await rm(path, { force: true });
  }
}
