/** Household fixtures for archive tests. */

/** Valid resident IDs (GB 11643 checksums) used across the tests. */
export const IDS = {
  worker: '11010519491231002X',
  spouse: '440203198001010015',
  child: '440203201005050027',
  other: '440204198008080055',
};

export function household(orgId: number, over: Record<string, unknown> = {}) {
  return {
    orgId,
    name: '张建国',
    idNumber: IDS.worker,
    phone: '13812345678',
    address: '武江区西河镇工业路12号',
    maritalStatus: 'married',
    health: 'chronic',
    workStatus: 'laid_off',
    education: 'junior_or_below',
    mainCause: 'laid_off',
    secondaryCauses: ['major_illness', 'schooling'],
    dibaoStatus: 'edge',
    incomes: { wagesFen: 1_800_000, medicalSpendingFen: 600_000 },
    bank: { bankName: '中国工商银行', branch: '韶关西河支行', cardNumber: '6222020200112233445' },
    needs: '医疗救助、子女助学',
    members: [
      {
        name: '李秀兰',
        relation: 'spouse',
        idNumber: IDS.spouse,
        maritalStatus: 'married',
        health: 'major_illness',
        monthlyIncomeFen: 0,
      },
      {
        name: '张小明',
        relation: 'child',
        idNumber: IDS.child,
        maritalStatus: 'unmarried',
        schooling: 'senior',
        monthlyIncomeFen: 0,
      },
    ],
    ...over,
  };
}
