import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { household } from '../../test-support/households.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n诊断证明\n'), Buffer.alloc(2000, 7)]);

describe.each(testDialects)('file attachments on %s', (dialect) => {
  let env: TestEnv;
  let clerk: Client & { cookie?: string };
  let hotline: Client & { cookie?: string };
  let id: number;
  const upload = async (c: Client & { cookie?: string }, name: string, content: Buffer, kind = 'diagnosis') => {
    const boundary = '----att';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/households/${id}/attachments?kind=${kind}`,
      headers: { cookie: c.cookie ?? '', 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    const street = await env.org(root.id, '西河镇总工会', 'street');
    await env.user('clerk', street.id, ['intake_clerk']);
    await env.user('hotline', street.id, ['hotline_operator']);
    clerk = await env.login('clerk');
    hotline = await env.login('hotline');
    id = (await clerk.post('/api/v1/households', household(street.id))).body.id;
  });
  afterAll(() => env.close());

  it('stores a PDF with its checksum, encrypted, and gives it back intact to those who may see it', async () => {
    const r = await upload(clerk, '诊断证明.pdf', PDF);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      mime: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const raw = await env.ctx.db.selectFrom('household_attachment').select('content_enc').executeTakeFirstOrThrow();
    expect(raw.content_enc).toMatch(/^e1\./);
    const list = await hotline.get(`/api/v1/households/${id}/attachments`);
    expect(list.body.map((a: { filename: string }) => a.filename)).toEqual(['诊断证明.pdf']);
    expect((await hotline.get(`/api/v1/households/${id}/attachments/${r.body.id}`)).status).toBe(403);
    const got = await env.app.inject({
      method: 'GET',
      url: `/api/v1/households/${id}/attachments/${r.body.id}`,
      headers: { cookie: clerk.cookie ?? '' },
    });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    // Personal data: no browser or proxy keeps a copy.
    expect(got.headers['cache-control']).toBe('no-store');
  });

  it('refuses other types whatever their name says, and files over 10 MB', async () => {
    const exe = await upload(clerk, 'scan.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('ATTACHMENT_TYPE');
    const big = await upload(
      clerk,
      'big.pdf',
      Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024 + 10)]),
    );
    expect(big.status).toBe(413);
  });

  it('removes a wrong scan from the list, keeps it in the database, audits it; only once', async () => {
    const r = await upload(clerk, '错误扫描.pdf', PDF);
    expect(
      (await hotline.post(`/api/v1/households/${id}/attachments/${r.body.id}/remove`, { reason: 'x' })).status,
    ).toBe(403);
    const rm = await clerk.post(`/api/v1/households/${id}/attachments/${r.body.id}/remove`, { reason: '扫描件有误' });
    expect(rm.status, rm.text).toBe(200);
    const list = await clerk.get(`/api/v1/households/${id}/attachments`);
    expect(list.body.map((a: { filename: string }) => a.filename)).toEqual(['诊断证明.pdf']);
    const kept = await env.ctx.db
      .selectFrom('household_attachment')
      .select('removed_at')
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(kept.removed_at).not.toBeNull();
    const again = await clerk.post(`/api/v1/households/${id}/attachments/${r.body.id}/remove`, { reason: '再删' });
    expect(again.body.error.code).toBe('ATTACHMENT_NOT_FOUND');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'archive.attachment_remove')
      .executeTakeFirstOrThrow();
    expect(audit.after_json).toContain('扫描件有误');
  });
});
