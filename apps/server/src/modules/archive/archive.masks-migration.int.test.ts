import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, openPostgres, openSqlite } from '../../platform/db/connect.js';
import { migrateToLatest, migrator } from '../../platform/db/migrate.js';
import { PG_ADMIN_URL, testDialects } from '../../test-support/db.js';

const BEFORE = '2026-11-23T1800_goods_certificates';
const NOW = '2026-11-30T00:00:00.000Z';

/** A database migrated only up to the migration before the masks, so rows can be written in the old form. */
async function oldDatabase(dialect: 'sqlite' | 'postgres') {
  const name = `bangfu_m_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-mig-'));
    const handle = openSqlite(path.join(dir, `${name}.sqlite`));
    return {
      handle,
      drop: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle: DbHandle = openPostgres(PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`), 2);
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe.each(testDialects)('the masks-at-rest migration on %s', (dialect) => {
  let tdb: Awaited<ReturnType<typeof oldDatabase>>;
  // The old schema is not the typed one.
  let db: any;

  beforeAll(async () => {
    tdb = await oldDatabase(dialect);
    db = tdb.handle.db;
    const { error } = await migrator(db).migrateTo(BEFORE);
    if (error) throw error;
    const where = { org_id: 1, org_path: '/1/', province_code: '44' };
    await db
      .insertInto('org_node')
      .values({
        name: '根',
        type: 'national',
        path: '/1/',
        depth: 0,
        province_code: '44',
        sort_key: 'gen',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await db
      .insertInto('household')
      .values({
        ...where,
        file_no: '44-2026-0000001',
        kind: 'regular',
        status: 'filed',
        name: '张建国',
        name_sort: 'zhang',
        name_initials: 'zjg',
        sex: 'female',
        birth_date: '1949-12-31',
        id_enc: 'e1.x',
        id_bidx: 'b1',
        id_mask: '110105********002X',
        disability: 'none',
        work_status: 'laid_off',
        marital_status: 'married',
        dibao_status: 'edge',
        single_parent: 0,
        zero_employment: 0,
        main_cause: 'laid_off',
        household_size: 2,
        annual_income_fen: 0,
        per_capita_fen: 0,
        details_json: '{}',
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    for (const [seq, birth, mask] of [
      [1, '1980-01-01', '440203********0015'],
      [2, '2012-06-30', null],
      [3, null, null],
    ] as const)
      await db
        .insertInto('household_member')
        .values({
          ...where,
          household_id: 1,
          seq,
          name: `成员${seq}`,
          relation: 'child',
          birth_date: birth,
          id_mask: mask,
          monthly_income_fen: 0,
          details_json: '{}',
        })
        .execute();
    await db
      .insertInto('goods_stock')
      .values({ ...where, category: 'food', item_name: '大米', unit: '袋', quantity: 0, updated_at: NOW })
      .execute();
    await db
      .insertInto('goods_movement')
      .values({
        ...where,
        stock_id: 1,
        kind: 'out_household',
        quantity: 1,
        balance_after: 0,
        moved_on: '2026-11-01',
        household_id: 1,
        recipient_name: '张建国',
        id_mask: '110105********002X',
        signed_name: '张建国',
        cadre: '王',
        handler: '王',
        created_by_name: '王',
        created_at: NOW,
      })
      .execute();
    await db
      .insertInto('assistance_grant')
      .values({
        ...where,
        household_id: 1,
        programme: 'living',
        period: '2026Q1',
        amount_fen: 100,
        explanation_json: '{}',
        status: 'proposed',
        method: 'bank',
        recipient_name: '张建国',
        id_mask: '110105********002X',
        bank_mask: '中国工商银行 6222 **** 3445',
        created_at: NOW,
        updated_at: NOW,
        fiscal_year: 2026,
      })
      .execute();
    await migrateToLatest(db);
  });
  afterAll(() => tdb.drop());

  it('keeps the birth year only and drops the clear birth date', async () => {
    const h = await db.selectFrom('household').selectAll().executeTakeFirstOrThrow();
    expect(h.birth_year).toBe(1949);
    expect('birth_date' in h).toBe(false);
    const m = await db.selectFrom('household_member').select(['seq', 'birth_year']).orderBy('seq').execute();
    expect(m).toEqual([
      { seq: 1, birth_year: 1980 },
      { seq: 2, birth_year: 2012 },
      { seq: 3, birth_year: null },
    ]);
  });

  it('cuts every clear ID and card mask down to the last four, copies included', async () => {
    const h = await db.selectFrom('household').select('id_mask').executeTakeFirstOrThrow();
    expect(h.id_mask).toBe('**************002X');
    const m = await db.selectFrom('household_member').select('id_mask').orderBy('seq').execute();
    expect(m.map((r: { id_mask: string | null }) => r.id_mask)).toEqual(['**************0015', null, null]);
    const g = await db.selectFrom('goods_movement').select('id_mask').executeTakeFirstOrThrow();
    expect(g.id_mask).toBe('**************002X');
    const grant = await db.selectFrom('assistance_grant').select(['id_mask', 'bank_mask']).executeTakeFirstOrThrow();
    expect(grant).toEqual({ id_mask: '**************002X', bank_mask: '中国工商银行 **** 3445' });
  });

  it('leaves goods movements append-only', async () => {
    await expect(db.updateTable('goods_movement').set({ quantity: 2 }).execute()).rejects.toThrow(/append-only/);
  });
});
