import type { Role } from '@bangfu/contracts';
import type { Client, TestEnv } from './env.js';

/** The Shaoguan tree the rights desk and legal aid test against (a node of each level and a sibling county). */
export interface ShaoguanOrgs {
  root: { id: number };
  province: { id: number };
  city: { id: number };
  county: { id: number };
  street: { id: number };
  sibling: { id: number };
}

/**
 * 广东省总工会 → 韶关市总工会 (city) → 武江区 (county) → 西河镇 (street), and the sibling county 浈江区; the users the
 * caller names (login, node, roles) created and logged in: `ids` and `c` (clients) by login.
 */
export async function shaoguanWorld(env: TestEnv, users: (o: ShaoguanOrgs) => [string, number, Role[]][]) {
  const root = await env.root();
  const province = await env.org(root.id, '广东省总工会', 'province', '440000');
  const city = await env.org(province.id, '韶关市总工会', 'city', '440200');
  const county = await env.org(city.id, '武江区总工会', 'county', '440203');
  const street = await env.org(county.id, '西河镇总工会', 'street');
  const sibling = await env.org(city.id, '浈江区总工会', 'county', '440204');
  const list = users({ root, province, city, county, street, sibling });
  const ids: Record<string, number> = {};
  for (const [name, orgId, roles] of list) ids[name] = (await env.user(name, orgId, roles)).id;
  const c: Record<string, Client> = {};
  for (const [name] of list) c[name] = await env.login(name);
  return { root, province, city, county, street, sibling, ids, c };
}

export function must(res: { status: number; text: string; body: any }, status = 200) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text}`);
  return res.body;
}
