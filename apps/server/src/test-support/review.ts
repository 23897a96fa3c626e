import { HouseholdInputSchema } from '@bangfu/contracts';
import { relieveFile } from '../modules/archive/archive.manage.js';
import { createFile } from '../modules/archive/archive.service.js';
import type { Dialect } from '../platform/config.js';
import { type Client, type Res, TestEnv } from './env.js';
import { fileHousehold, generatedId, household } from './households.js';

/**
 * The yearly review's world: 广东省总工会 → 韶关市总工会 (city) → 武江区总工会 (county) with its streets 西河镇 and
 * 新华街道, and the sibling county 浈江区; 清远市总工会 waits to receive the county. Files in the archive at the county
 * (王县*), 西河镇 (李西*), 新华街道 (赵新*, one of them 解困) and 浈江区 (钱浈*), a draft at 西河镇. Staff: approvers
 * at the city, county and street, clerks at the county, the street and the sibling, and 'wj.both' (clerk and
 * approver at the county).
 */
export async function reviewWorld(dialect: Dialect, counts = { county: 2, xihe: 6, xinhua: 4, sibling: 2 }) {
  const env = await TestEnv.create(dialect);
  const root = await env.root();
  const province = await env.org(root.id, '广东省总工会', 'province', '440000');
  const city = await env.org(province.id, '韶关市总工会', 'city', '440200');
  const county = await env.org(city.id, '武江区总工会', 'county', '440203');
  const xihe = await env.org(county.id, '西河镇总工会', 'street');
  const xinhua = await env.org(county.id, '新华街道总工会', 'street');
  const sibling = await env.org(city.id, '浈江区总工会', 'county', '440204');
  const otherCity = await env.org(province.id, '清远市总工会', 'city', '441800');
  const users: [string, number, Parameters<TestEnv['user']>[2]][] = [
    ['sheng.admin', province.id, ['admin']],
    ['shi.approver', city.id, ['approver']],
    ['wj.approver', county.id, ['approver']],
    ['wj.clerk', county.id, ['intake_clerk']],
    ['wj.both', county.id, ['intake_clerk', 'approver']],
    ['xh.clerk', xihe.id, ['intake_clerk']],
    ['xh.approver', xihe.id, ['approver']],
    ['zj.clerk', sibling.id, ['intake_clerk']],
  ];
  for (const [u, org, roles] of users) await env.user(u, org, roles);

  let n = 0;
  const files: Record<string, number> = {};
  const file = async (orgId: number, name: string) => {
    files[name] = await fileHousehold(env, household(orgId, { name, idNumber: generatedId(++n), members: [] }));
    return files[name] as number;
  };
  const digits = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];
  for (let i = 0; i < counts.county; i++) await file(county.id, `王县${digits[i]}`);
  for (let i = 0; i < counts.xihe; i++) await file(xihe.id, `李西${digits[i]}`);
  for (let i = 0; i < counts.xinhua; i++) await file(xinhua.id, `赵新${digits[i]}`);
  for (let i = 0; i < counts.sibling; i++) await file(sibling.id, `钱浈${digits[i]}`);
  const system = await env.system();
  const relieved = await file(xinhua.id, '孙解困');
  await relieveFile(env.ctx, system, relieved, '享受低保后生活达到低保水平');
  const draft = await createFile(
    env.ctx,
    system,
    HouseholdInputSchema.parse(household(xihe.id, { name: '周草稿', idNumber: generatedId(++n), members: [] })),
  );
  files.周草稿 = draft.id;

  /** File one more household later (after a round opened). */
  const fileLater = (orgId: number, name: string) => file(orgId, name);
  return { env, orgs: { root, province, city, county, xihe, xinhua, sibling, otherCity }, files, fileLater };
}

export type ReviewWorld = Awaited<ReturnType<typeof reviewWorld>>;

/** Sessions of every user of the world (again after the clock moved past the idle timeout). */
export async function sessions(env: TestEnv) {
  const names = [
    'sheng.admin',
    'shi.approver',
    'wj.approver',
    'wj.clerk',
    'wj.both',
    'xh.clerk',
    'xh.approver',
    'zj.clerk',
  ] as const;
  const out = {} as Record<(typeof names)[number], Client>;
  for (const u of names) out[u] = await env.login(u);
  return out;
}

/** A round review body: a phone callback today, continue unless said otherwise. */
export const reviewBody = (today: string, over: Record<string, unknown> = {}) => ({
  method: 'phone',
  reviewedOn: today,
  findings: '电话回访，家庭情况无明显变化',
  outcome: 'continue',
  ...over,
});

export function ok(res: Res, what: string): Res {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res;
}

/** All files of one list of a round (ids), as the given caller sees them. */
export async function listIds(c: Client, roundId: number, state: string, extra = ''): Promise<number[]> {
  const r = ok(await c.get(`/api/v1/review-rounds/${roundId}/files?state=${state}&limit=200${extra}`), state);
  return r.body.items.map((i: { householdId: number }) => i.householdId).sort((a: number, b: number) => a - b);
}
