import { HouseholdQuerySchema } from '@bangfu/contracts';
import { checkChar } from '@bangfu/policy';
import { sql } from 'kysely';
import { listFiles } from '../apps/server/src/modules/archive/archive.read.js';
import type * as orgRepo from '../apps/server/src/modules/orgs/orgs.repository.js';
import { systemActor } from '../apps/server/src/platform/auth/actor.js';
import type { AppContext } from '../apps/server/src/platform/context.js';
import { pinyinInitials, pinyinSortKey } from '../apps/server/src/platform/pinyin.js';
import { generateTree } from './tree.js';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [...'建国秀兰志强丽娟德明美玲国平淑珍伟东海涛金凤永红庆华春燕振华晓梅玉兰明亮桂芳'];
const STATUSES = ['filed', 'filed', 'filed', 'filed', 'relieved', 'exited', 'submitted', 'on_notice', 'cancelled'];
const GRADES = ['deep', 'relative', 'accident'];
const CAUSES = ['laid_off', 'major_illness', 'schooling', 'unemployed_able', 'accident', 'no_labour_capacity'];

/** The n-th generated person's ID (valid checksum; region from the county index). */
export function benchId(n: number): string {
  // Unique for up to 10,000 × 1,000 people: the region carries n ÷ 1000, the sequence n mod 1000.
  const region = `44${String(Math.floor(n / 1000) % 10_000).padStart(4, '0')}`;
  const born = `${1950 + (n % 50)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`;
  const body = `${region}${born}${String(n % 1000).padStart(3, '0')}`;
  return body + checkChar(body);
}

const namePool = (() => {
  const pool: { name: string; sort: string; initials: string }[] = [];
  for (const s of SURNAMES)
    for (let i = 0; i < 12; i++) {
      const name = `${s}${GIVEN[(i * 2) % GIVEN.length]}${GIVEN[(i * 2 + 1) % GIVEN.length]}`;
      pool.push({
        name,
        sort: pinyinSortKey(name, { surname: true }),
        initials: pinyinInitials(name, { surname: true }),
      });
    }
  return pool;
})();

/**
 * Fill the archive: `perCounty` files in every county of a generated tree (shape: provinces × cities × counties),
 * inserted in bulk. Only what lists, searches and reports read is realistic; ciphertexts are placeholders (lists
 * never decrypt), blind indexes are real so exact ID search works.
 */
export async function generateArchive(ctx: AppContext, shape: number[], perCounty: number) {
  const t = await generateTree(ctx.db, shape);
  const counties = (await ctx.db
    .selectFrom('org_node')
    .selectAll()
    .where('type', '=', 'county')
    .orderBy('id')
    .execute()) as orgRepo.OrgRow[];
  const now = new Date().toISOString();
  let n = 0;
  for (const county of counties) {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < perCounty; i++, n++) {
      const p = namePool[(n * 7919) % namePool.length] as (typeof namePool)[number];
      const status = STATUSES[n % STATUSES.length] as string;
      const id = benchId(n);
      rows.push({
        org_id: county.id,
        org_path: county.path,
        province_code: county.province_code,
        file_no: `B${String(n).padStart(9, '0')}`,
        kind: 'full',
        status,
        grade: status === 'submitted' || status === 'on_notice' ? null : (GRADES[n % 3] as string),
        grade_proposed: null,
        grade_override_reason: null,
        grade_explanation_json: null,
        name: p.name,
        name_sort: p.sort,
        name_initials: p.initials,
        sex: n % 2 ? 'male' : 'female',
        birth_year: 1950 + (n % 50),
        id_enc: 'e1.bench',
        id_bidx: ctx.crypto.blindIndex(id, 'id'),
        id_mask: `**************${id.slice(-4)}`,
        phone_enc: null,
        phone_bidx: null,
        phone_mask: null,
        health_enc: 'e1.bench',
        bank_enc: null,
        disability: 'none',
        work_status: 'laid_off',
        education: null,
        marital_status: 'married',
        dibao_status: 'none',
        single_parent: 0,
        zero_employment: 0,
        main_cause: CAUSES[n % CAUSES.length] as string,
        cause2: null,
        cause3: null,
        cause4: null,
        household_size: 3,
        annual_income_fen: 1_200_000,
        per_capita_fen: 33_333,
        details_json: '{}',
        version: 1,
        created_by: null,
        created_at: now,
        updated_at: now,
        notice_round: 0,
        notice_start: null,
        notice_end: null,
        filed_at: now,
        last_reviewed_at: null,
        next_review_due: null,
        last_assisted_at: null,
        exit_proposed_since: null,
      });
    }
    await ctx.db.transaction().execute(async (trx) => {
      for (let k = 0; k < rows.length; k += 500)
        await trx
          .insertInto('household')
          .values(rows.slice(k, k + 500) as never)
          .execute();
    });
  }
  await sql`analyze`.execute(ctx.db).catch(() => {});
  return {
    files: n,
    counties,
    sampleCounty: t.sampleCounty,
    root: await ctx.db.selectFrom('org_node').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow(),
  };
}

/** The searches a county's clerk runs all day, through the real service (scoping, blind index, pinyin). */
export async function countySearches(ctx: AppContext, county: orgRepo.OrgRow, knownId: string) {
  const actor = systemActor({ orgId: county.id, path: county.path, provinceCode: county.province_code });
  const q = (o: Record<string, unknown>) => listFiles(ctx, actor, HouseholdQuerySchema.parse(o));
  let hits = 0;
  hits += (await q({})).total; // first page in pinyin order, with the count
  hits += (await q({ q: '张' })).total; // a name
  hits += (await q({ q: 'wjg' })).total; // pinyin initials
  hits += (await q({ idNumber: knownId })).total; // exact ID through the blind index
  hits += (await q({ status: 'filed', grade: 'deep', sort: 'perCapita' })).total; // a filtered, sorted page
  hits += (await q({ fileNo: 'B000000001' })).total; // a file number
  return hits;
}
