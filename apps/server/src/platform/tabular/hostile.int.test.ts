import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import * as hostile from './hostile.fixtures.js';

/** Built once for both dialects: the bombs take a second or two of CPU to deflate. */
let bombs: { honest: Buffer; lying: Buffer } | undefined;
const zipBombs = () => {
  bombs ??= { honest: hostile.zipBomb(256), lying: hostile.zipBomb(256, { lie: true }) };
  return bombs;
};

/**
 * Hostile files through the real upload endpoints (issue 8 item 3): each gets a 4xx with a catalogued code, and
 * /api/health keeps answering while the file is read and after.
 */
describe.each(testDialects)('hostile uploads on %s', (dialect) => {
  let env: TestEnv;
  let street: { id: number };
  let clerk: Client & { cookie?: string };
  let admin: Client & { cookie?: string };
  let finance: Client & { cookie?: string };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const tree = await env.countyWithStreet();
    street = tree.street;
    await env.user('clerk', street.id, ['intake_clerk']);
    await env.user('cashier', tree.county.id, ['finance']);
    clerk = await env.login('clerk');
    finance = await env.login('cashier');
    admin = await env.loginAdmin();
  });
  afterAll(() => env.close());

  async function upload(c: Client & { cookie?: string }, url: string, buf: Buffer, name: string) {
    const boundary = '----bangfu-hostile';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      buf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await env.app.inject({
      method: 'POST',
      url,
      headers: { cookie: c.cookie ?? '', 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    return { status: res.statusCode, body: res.json() };
  }

  /** Uploads while asking /api/health; health must answer promptly during the upload and after it. */
  async function uploadWatchingHealth(c: Client & { cookie?: string }, url: string, buf: Buffer, name: string) {
    let settled = false;
    const pending = upload(c, url, buf, name).finally(() => {
      settled = true;
    });
    const slowest: number[] = [];
    do {
      const t0 = performance.now();
      const h = await env.client().get('/api/health');
      slowest.push(performance.now() - t0);
      expect(h.status).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
    } while (!settled);
    const res = await pending;
    expect((await env.client().get('/api/health')).status).toBe(200);
    // Generous for a busy CI machine: before the worker, health stopped answering at all (the loop was blocked).
    expect(Math.max(...slowest)).toBeLessThan(5000);
    return res;
  }

  const archiveUrl = () => `/api/v1/households/imports?orgId=${street.id}`;

  it('refuses the 1.6 KB merged range A2:XFD1048576 and keeps answering (the reproduction)', async () => {
    const file = hostile.mergeBomb();
    expect(file.length).toBeLessThan(2000);
    const r = await uploadWatchingHealth(clerk, archiveUrl(), file, 'merge.xlsx');
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('FILE_LIMIT_EXCEEDED');
    expect(r.body.error.details.limit).toBe('mergedCells');
    expect(r.body.error.message).toContain('合并单元格');
  });

  const refused = (r: { status: number; body: any }, status: number, code: string, limit?: string) => {
    expect({ status: r.status, code: r.body.error?.code, limit: r.body.error?.details?.limit }).toEqual({
      status,
      code,
      limit: limit ?? r.body.error?.details?.limit,
    });
  };

  it('refuses zip bombs, honest or lying about their size, while health keeps answering', async () => {
    const { honest, lying } = zipBombs();
    expect(honest.length).toBeLessThan(2_000_000);
    const a = await uploadWatchingHealth(clerk, archiveUrl(), honest, 'bomb.xlsx');
    refused(a, 422, 'FILE_LIMIT_EXCEEDED', 'uncompressed');
    expect(a.body.error.message).toContain('解压后大小');
    // The headers say 1,000 bytes: the reading stops at the first limit met while inflating (here the first
    // 128 KB run of blanks, longer than any cell; limits.test.ts shows the bytes counted against 'uncompressed').
    const b = await uploadWatchingHealth(clerk, archiveUrl(), lying, 'bomb.xlsx');
    refused(b, 422, 'FILE_LIMIT_EXCEEDED');
    expect(['uncompressed', 'cellChars']).toContain(b.body.error.details.limit);
  });

  it('refuses a huge shared-strings table, deep XML, entity expansion and far rows or columns', async () => {
    const cases: [Buffer, string, string][] = [
      [hostile.sharedStringsBomb(2000, 32_000, 'x'), 'FILE_LIMIT_EXCEEDED', 'sharedStringChars'],
      [hostile.deepXml(100_000), 'FILE_LIMIT_EXCEEDED', 'xmlDepth'],
      [hostile.billionLaughs(), 'FILE_UNSAFE_CONTENT', ''],
      [hostile.farRow(1_048_576), 'FILE_LIMIT_EXCEEDED', 'rows'],
      [hostile.farColumn('XFD'), 'FILE_LIMIT_EXCEEDED', 'columns'],
      [hostile.longCell(100_000), 'FILE_LIMIT_EXCEEDED', 'cellChars'],
    ];
    for (const [file, code, limit] of cases) {
      const r = await uploadWatchingHealth(clerk, archiveUrl(), file, 'hostile.xlsx');
      refused(r, 422, code, limit || undefined);
    }
  });

  it('answers 400 for files that are no spreadsheet: a PNG, binary or GBK CSV, broken zips', async () => {
    const cases: [Buffer, string][] = [
      [hostile.pngAsXlsx(), 'photo.xlsx'],
      [hostile.binaryCsv(), 'a.csv'],
      [hostile.gbkCsv(), 'a.csv'],
      [hostile.truncatedZip(), 'cut.xlsx'],
      [hostile.badCentralDirectory(), 'cd.xlsx'],
    ];
    for (const [file, name] of cases)
      refused(await upload(clerk, archiveUrl(), file, name), 400, 'ARCHIVE_IMPORT_FORMAT');
    const gbk = await upload(clerk, archiveUrl(), hostile.gbkCsv(), 'a.csv');
    expect(gbk.body.error.details.reason).toContain('UTF-8');
  });

  it('refuses a CSV with a 40 MB line, too many rows or too many columns', async () => {
    refused(
      await uploadWatchingHealth(clerk, archiveUrl(), hostile.longLineCsv(40), 'a.csv'),
      422,
      'FILE_LIMIT_EXCEEDED',
      'cellChars',
    );
    refused(
      await upload(clerk, archiveUrl(), hostile.manyRowsCsv(200_001), 'a.csv'),
      422,
      'FILE_LIMIT_EXCEEDED',
      'rows',
    );
    refused(await upload(clerk, archiveUrl(), hostile.wideCsv(1_001), 'a.csv'), 422, 'FILE_LIMIT_EXCEEDED', 'columns');
    // A refused file leaves no import behind (the file is read before the import is recorded): nothing stuck.
    const imports = await env.ctx.db.selectFrom('archive_import').select('status').execute();
    expect(imports).toEqual([]);
  });

  it('holds the organisation import (.xlsx and .csv) to the same limits', async () => {
    const url = '/api/v1/orgs/import?dryRun=true';
    refused(
      await uploadWatchingHealth(admin, url, hostile.mergeBomb(), 'orgs.xlsx'),
      422,
      'FILE_LIMIT_EXCEEDED',
      'mergedCells',
    );
    refused(await upload(admin, url, hostile.billionLaughs(), 'orgs.xlsx'), 422, 'FILE_UNSAFE_CONTENT');
    refused(await upload(admin, url, zipBombs().honest, 'orgs.xlsx'), 422, 'FILE_LIMIT_EXCEEDED', 'uncompressed');
    refused(await upload(admin, url, hostile.longLineCsv(1), 'orgs.csv'), 422, 'FILE_LIMIT_EXCEEDED', 'cellChars');
    refused(await upload(admin, url, hostile.pngAsXlsx(), 'orgs.xlsx'), 400, 'ORG_IMPORT_FORMAT');
    // A good file still goes through the worker and back.
    const ok = await upload(admin, url, Buffer.from('单位名称,类型\n新街道,街道\n'), 'orgs.csv');
    expect(ok.status).toBe(200);
  });

  it("holds the bank's result file to its limits", async () => {
    const url = '/api/v1/batches/1/reconcile';
    const longLine = Buffer.from(`流水号,结果,原因\n1,成功,${'x'.repeat(5000)}\n`);
    refused(await upload(finance, url, longLine, 'result.csv'), 422, 'FILE_LIMIT_EXCEEDED', 'cellChars');
    const manyLines = Buffer.from('\n'.repeat(200_001));
    refused(await upload(finance, url, manyLines, 'result.csv'), 422, 'FILE_LIMIT_EXCEEDED', 'rows');
    const big = Buffer.alloc(11 * 1024 * 1024, 'a');
    refused(await upload(finance, url, big, 'result.csv'), 413, 'PAYLOAD_TOO_LARGE');
    expect((await env.client().get('/api/health')).status).toBe(200);
  });
});
