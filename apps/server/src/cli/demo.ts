import type { OrgType, Role } from '@bangfu/contracts';
import { createOrg } from '../modules/orgs/orgs.service.js';
import * as userRepo from '../modules/users/users.repository.js';
import { createUser } from '../modules/users/users.service.js';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { seedDemoDesk, seedDemoLegalAid } from './demo-desk.js';
import { seedDemoMoney } from './demo-money.js';
import { seedDemoBodies, seedDemoReview, seedDemoSelfChange } from './demo-review.js';

/** The password of every demo account (README lists them). */
export const DEMO_PASSWORD = 'Bangfu-demo-2026';

interface Node {
  name: string;
  type: OrgType;
  code?: string;
  children?: Node[];
}

/** A realistic sample: a city with its districts/counties, streets and townships, enterprises and stations. */
const TREE: Node = {
  name: '广东省总工会',
  type: 'province',
  code: '440000',
  children: [
    {
      name: '韶关市总工会',
      type: 'city',
      code: '440200',
      children: [
        {
          name: '武江区总工会',
          type: 'county',
          code: '440203',
          children: [
            {
              name: '西河镇总工会',
              type: 'street',
              code: '440203100',
              children: [
                { name: '韶关钢铁集团有限公司工会', type: 'enterprise' },
                { name: '西河社区工会联合会', type: 'community' },
                { name: '西河镇职工帮扶工作站', type: 'station' },
              ],
            },
            {
              name: '新华街道总工会',
              type: 'street',
              code: '440203001',
              children: [{ name: '韶关市第一人民医院工会', type: 'enterprise' }],
            },
          ],
        },
        {
          name: '浈江区总工会',
          type: 'county',
          code: '440204',
          children: [
            {
              name: '东河街道总工会',
              type: 'street',
              code: '440204002',
              children: [
                { name: '韶关冶炼厂工会', type: 'enterprise' },
                { name: '东河社区工会', type: 'community' },
              ],
            },
          ],
        },
        {
          name: '曲江区总工会',
          type: 'county',
          code: '440205',
          children: [
            {
              name: '马坝镇总工会',
              type: 'street',
              code: '440205100',
              children: [{ name: '曲仁煤矿工会', type: 'enterprise' }],
            },
          ],
        },
        { name: '乐昌市总工会', type: 'county', code: '440281' },
        { name: '南雄市总工会', type: 'county', code: '440282' },
      ],
    },
  ],
};

/** Demo accounts: every role, at several levels. */
const USERS: { username: string; name: string; org: string; roles: Role[] }[] = [
  { username: 'sheng.admin', name: '省总管理员', org: '广东省总工会', roles: ['admin'] },
  { username: 'shi.admin', name: '陈志刚', org: '韶关市总工会', roles: ['admin'] },
  { username: 'shi.approver', name: '刘建国', org: '韶关市总工会', roles: ['approver'] },
  { username: 'shi.deputy', name: '苏慧敏', org: '韶关市总工会', roles: ['approver'] },
  { username: 'shi.member', name: '邓建平', org: '韶关市总工会', roles: ['approver'] },
  { username: 'shi.finance', name: '黄丽华', org: '韶关市总工会', roles: ['finance'] },
  { username: 'shi.auditor', name: '曾宪明', org: '韶关市总工会', roles: ['auditor'] },
  { username: 'shi.hotline', name: '单晓燕', org: '韶关市总工会', roles: ['hotline_operator'] },
  { username: 'shi.legal', name: '吴律', org: '韶关市总工会', roles: ['legal_aid_officer'] },
  { username: 'wj.admin', name: '王海', org: '武江区总工会', roles: ['admin'] },
  { username: 'wj.reviewer', name: '李秀英', org: '武江区总工会', roles: ['reviewer'] },
  { username: 'wj.approver', name: '张伟', org: '武江区总工会', roles: ['approver'] },
  { username: 'wj.employment', name: '周敏', org: '武江区总工会', roles: ['employment_officer'] },
  { username: 'wj.hotline', name: '钟小玲', org: '武江区总工会', roles: ['hotline_operator'] },
  { username: 'xh.clerk', name: '赵红梅', org: '西河镇总工会', roles: ['intake_clerk'] },
  { username: 'sg.clerk', name: '孙立新', org: '韶关钢铁集团有限公司工会', roles: ['intake_clerk'] },
  { username: 'zj.admin', name: '何勇', org: '浈江区总工会', roles: ['admin'] },
  { username: 'zj.reviewer', name: '郭静', org: '浈江区总工会', roles: ['reviewer', 'approver'] },
  { username: 'dh.clerk', name: '林芳', org: '东河街道总工会', roles: ['intake_clerk'] },
  { username: 'qj.clerk', name: '罗德胜', org: '马坝镇总工会', roles: ['intake_clerk'] },
];

export async function seedDemo(ctx: AppContext, actor: Actor): Promise<{ orgs: number; users: number; files: number }> {
  const ids = new Map<string, number>();
  const walk = async (node: Node, parentId: number) => {
    const org = await createOrg(ctx, actor, {
      parentId,
      name: node.name,
      type: node.type,
      divisionCode: node.code ?? null,
    });
    ids.set(node.name, org.id);
    for (const c of node.children ?? []) await walk(c, org.id);
  };
  await walk(TREE, actor.scope.orgId);
  for (const u of USERS) {
    const created = await createUser(ctx, actor, {
      username: u.username,
      displayName: u.name,
      orgId: ids.get(u.org) as number,
      roles: u.roles,
      password: DEMO_PASSWORD,
      phone: `139${String(10000000 + ids.size * 7919 + u.username.length * 104729).slice(-8)}`,
    });
    // Demo accounts are ready to use: no forced change of the shared demo password.
    await userRepo.update(ctx.db, created.id, { must_change_password: 0 });
  }
  const { files, filed } = await seedDemoMoney(ctx, actor, ids);
  await seedDemoDesk(ctx, ids);
  await seedDemoLegalAid(ctx, ids);
  // 西河镇's filed households (file 0 awaits 脱困): three reviewed in the city's round, one with a self-service change.
  const xihe = filed.filter((_, i) => i % 4 !== 3);
  await seedDemoReview(ctx, ids, xihe.slice(1, 4));
  await seedDemoSelfChange(ctx, actor, xihe[4] as number, DEMO_PASSWORD);
  await seedDemoBodies(ctx, ids);
  return { orgs: ids.size, users: USERS.length + 1, files };
}
