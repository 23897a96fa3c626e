import type { TestEnv } from './env.js';
import { generatedId } from './households.js';
import { shaoguanWorld } from './shaoguan.js';

export { must } from './shaoguan.js';

/**
 * Legal aid's test world: 广东省总工会 → 韶关市总工会 (the city's legal-aid centre) → 武江区 (county) → 西河镇 (street),
 * and the sibling county 浈江区. Legal-aid officers and the legal-aid group's members (approvers) at city and county,
 * an officer who also sits on the group, a hotline operator and an auditor at the city.
 */
export function legalWorld(env: TestEnv) {
  return shaoguanWorld(env, ({ city, county, sibling }) => [
    ['shi.legal', city.id, ['legal_aid_officer']],
    ['shi.both', city.id, ['legal_aid_officer', 'approver']],
    ['shi.leader', city.id, ['approver']],
    ['shi.leader2', city.id, ['approver']],
    ['shi.hotline', city.id, ['hotline_operator']],
    ['shi.auditor', city.id, ['auditor']],
    ['wj.legal', county.id, ['legal_aid_officer']],
    ['wj.leader', county.id, ['approver']],
    ['wj.hotline', county.id, ['hotline_operator']],
    ['zj.legal', sibling.id, ['legal_aid_officer']],
    ['zj.leader', sibling.id, ['approver']],
  ]);
}

let seq = 0;
/** A worker's application for legal aid over wages owed. */
export function application(over: Record<string, unknown> = {}) {
  seq++;
  return {
    personName: `李四${seq}`,
    idNumber: generatedId(6100 + seq),
    phone: `1350013${String(1000 + seq).slice(-4)}`,
    employer: '韶关某电子厂',
    disputeKind: 'wages_owed',
    reasons: '工厂停产后拖欠四个月工资共2.4万元，协商无果，申请工会法律援助代理仲裁。',
    claimFen: 2_400_000,
    ...over,
  };
}

let licence = 0;
/** A lawyer under contract for the whole of 2020–2099 unless told otherwise. */
export function lawyer(orgId: number, over: Record<string, unknown> = {}) {
  licence++;
  return {
    orgId,
    name: `王律师${licence}`,
    firm: '广东韶法律师事务所',
    licenceNo: `14402${String(200_000_000_000 + licence)}`,
    phone: `1330013${String(1000 + licence).slice(-4)}`,
    contractFrom: '2020-01-01',
    contractTo: '2099-12-31',
    ...over,
  };
}
