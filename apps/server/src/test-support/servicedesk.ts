import type { Role } from '@bangfu/contracts';
import type { Client, TestEnv } from './env.js';
import { generatedId } from './households.js';

/**
 * The rights desk's test world: 广东省总工会 → 韶关市总工会 (the city centre taking 12351 calls) → 武江区 (county) →
 * 西河镇 (street), and the sibling county 浈江区. Desk staff and leaders at city and county, an auditor at the city.
 */
export async function deskWorld(env: TestEnv) {
  const root = await env.root();
  const province = await env.org(root.id, '广东省总工会', 'province', '440000');
  const city = await env.org(province.id, '韶关市总工会', 'city', '440200');
  const county = await env.org(city.id, '武江区总工会', 'county', '440203');
  const street = await env.org(county.id, '西河镇总工会', 'street');
  const sibling = await env.org(city.id, '浈江区总工会', 'county', '440204');
  const users: [string, number, Role[]][] = [
    ['shi.hotline', city.id, ['hotline_operator']],
    ['shi.leader', city.id, ['approver']],
    ['shi.auditor', city.id, ['auditor']],
    ['wj.hotline', county.id, ['hotline_operator']],
    ['wj.hotline2', county.id, ['hotline_operator']],
    ['wj.leader', county.id, ['approver']],
    ['xh.hotline', street.id, ['hotline_operator']],
    ['zj.hotline', sibling.id, ['hotline_operator']],
    ['zj.leader', sibling.id, ['approver']],
  ];
  const ids: Record<string, number> = {};
  for (const [name, orgId, roles] of users) ids[name] = (await env.user(name, orgId, roles)).id;
  const c: Record<string, Client> = {};
  for (const [name] of users) c[name] = await env.login(name);
  return { root, province, city, county, street, sibling, ids, c };
}

let seq = 0;
/** A wages-owed call as the hotline takes it. */
export function call(over: Record<string, unknown> = {}) {
  seq++;
  return {
    channel: 'hotline_12351',
    personName: `张三${seq}`,
    idNumber: generatedId(5000 + seq),
    phone: `1380013${String(1000 + seq).slice(-4)}`,
    employer: '韶关某建筑公司',
    categories: ['wages_owed'],
    content: '工地拖欠三个月工资共3万元，多次讨要未果。',
    ...over,
  };
}

export function must(res: { status: number; text: string; body: any }, status = 200) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text}`);
  return res.body;
}

export const reply = (over: Record<string, unknown> = {}) => ({
  replyMethod: 'phone',
  reply: '经协调，企业已支付拖欠工资。',
  result: 'resolved',
  wagesRecoveredFen: 3_000_000,
  ...over,
});
