import type { TestEnv } from './env.js';
import { generatedId } from './households.js';
import { shaoguanWorld } from './shaoguan.js';

export { must } from './shaoguan.js';

/**
 * The rights desk's test world: 广东省总工会 → 韶关市总工会 (the city centre taking 12351 calls) → 武江区 (county) →
 * 西河镇 (street), and the sibling county 浈江区. Desk staff and leaders at city and county, an auditor at the city.
 */
export function deskWorld(env: TestEnv) {
  return shaoguanWorld(env, ({ city, county, street, sibling }) => [
    ['shi.hotline', city.id, ['hotline_operator']],
    ['shi.leader', city.id, ['approver']],
    ['shi.auditor', city.id, ['auditor']],
    ['wj.hotline', county.id, ['hotline_operator']],
    ['wj.hotline2', county.id, ['hotline_operator']],
    ['wj.leader', county.id, ['approver']],
    ['xh.hotline', street.id, ['hotline_operator']],
    ['zj.hotline', sibling.id, ['hotline_operator']],
    ['zj.leader', sibling.id, ['approver']],
  ]);
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

export const reply = (over: Record<string, unknown> = {}) => ({
  replyMethod: 'phone',
  reply: '经协调，企业已支付拖欠工资。',
  result: 'resolved',
  wagesRecoveredFen: 3_000_000,
  ...over,
});
