import type { HouseholdInput, MemberInput } from '@bangfu/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { toFen, toYuanText } from '../money';

export const INCOME_KEYS = [
  'wagesFen',
  'businessFen',
  'propertyFen',
  'transferFen',
  'otherIncomeFen',
  'medicalSpendingFen',
  'disabilitySpendingFen',
  'schoolingSpendingFen',
  'housingSpendingFen',
  'otherSpendingFen',
  'hardshipLossFen',
] as const;
export type IncomeKey = (typeof INCOME_KEYS)[number];

export const EXCLUSION_KEYS = [
  'ownsVehicle',
  'multipleHomes',
  'controllingShareholder',
  'privateSchoolOrAbroad',
  'refusesVerification',
] as const;

type Text = string | null | undefined;

export interface MemberValues {
  name?: string;
  relation?: MemberInput['relation'];
  idNumber?: Text;
  sex?: MemberInput['sex'];
  birthDate?: Dayjs | null;
  maritalStatus?: MemberInput['maritalStatus'];
  politicalStatus?: Text;
  health?: MemberInput['health'];
  disability?: MemberInput['disability'];
  schooling?: MemberInput['schooling'];
  occupation?: Text;
  unitOrSchool?: Text;
  /** 元, two decimals. */
  monthlyIncome?: string | null;
  medicalInsurance?: MemberInput['medicalInsurance'];
  hasLabourContract?: boolean | null;
}

/** The intake form's values: like HouseholdInput, but money in 元 strings and dates as Dayjs. */
export type IntakeValues = Omit<
  HouseholdInput,
  'incomes' | 'members' | 'workStartDate' | 'bank' | 'orgId' | 'exclusions'
> & {
  orgId?: number;
  workStartDate?: Dayjs | null;
  incomesYuan: Partial<Record<IncomeKey, string | null>>;
  exclusions: Partial<Record<(typeof EXCLUSION_KEYS)[number], boolean>>;
  bank?: { bankName?: Text; branch?: Text; cardNumber?: Text };
  members: MemberValues[];
};

const clean = (v: Text): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function toInput(v: IntakeValues): HouseholdInput {
  const incomes = Object.fromEntries(
    INCOME_KEYS.map((k) => [k, toFen(v.incomesYuan?.[k])]),
  ) as HouseholdInput['incomes'];
  const bankName = clean(v.bank?.bankName);
  const cardNumber = clean(v.bank?.cardNumber);
  const exclusions = Object.fromEntries(
    EXCLUSION_KEYS.map((k) => [k, !!v.exclusions?.[k]]),
  ) as HouseholdInput['exclusions'];
  return {
    orgId: v.orgId ?? 0,
    kind: v.kind ?? 'full',
    name: v.name.trim(),
    idNumber: v.idNumber.trim(),
    ethnicity: clean(v.ethnicity),
    politicalStatus: clean(v.politicalStatus),
    phone: clean(v.phone),
    otherContact: clean(v.otherContact),
    postalCode: clean(v.postalCode),
    address: clean(v.address),
    hukouDivision: clean(v.hukouDivision),
    hukouType: v.hukouType ?? null,
    maritalStatus: v.maritalStatus,
    health: v.health ?? 'healthy',
    disability: v.disability ?? 'none',
    workStatus: v.workStatus,
    modelWorker: clean(v.modelWorker),
    education: v.education ?? null,
    housingType: v.housingType ?? null,
    housingAreaM2: v.housingAreaM2 ?? null,
    workStartDate: date(v.workStartDate),
    industry: clean(v.industry),
    employer: clean(v.employer),
    employerNature: clean(v.employerNature),
    enterpriseStatus: clean(v.enterpriseStatus),
    singleParent: !!v.singleParent,
    zeroEmployment: !!v.zeroEmployment,
    canSelfHelp: v.canSelfHelp ?? true,
    medicalInsurance: v.medicalInsurance ?? null,
    dibaoStatus: v.dibaoStatus ?? 'none',
    mainCause: v.mainCause,
    secondaryCauses: (v.secondaryCauses ?? []).filter((c) => c !== v.mainCause),
    incomes,
    exclusions,
    bank:
      bankName || cardNumber
        ? { bankName: bankName ?? '', branch: clean(v.bank?.branch), cardNumber: cardNumber ?? '' }
        : null,
    skills: clean(v.skills),
    jobWishes: clean(v.jobWishes),
    needs: clean(v.needs),
    thoughts: clean(v.thoughts),
    measures: clean(v.measures),
    members: (v.members ?? []).map((m) => ({
      name: (m.name ?? '').trim(),
      relation: m.relation ?? 'other',
      idNumber: clean(m.idNumber),
      sex: m.sex ?? null,
      birthDate: date(m.birthDate),
      maritalStatus: m.maritalStatus ?? null,
      politicalStatus: clean(m.politicalStatus),
      health: m.health ?? null,
      disability: m.disability ?? null,
      schooling: m.schooling ?? null,
      occupation: clean(m.occupation),
      unitOrSchool: clean(m.unitOrSchool),
      monthlyIncomeFen: toFen(m.monthlyIncome),
      medicalInsurance: m.medicalInsurance ?? null,
      hasLabourContract: m.hasLabourContract ?? null,
    })),
  };
}

const orUndef = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

export function fromInput(i: HouseholdInput): IntakeValues {
  const { incomes, members, workStartDate, bank, exclusions, ...rest } = i;
  return {
    ...(Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, orUndef(v)])) as unknown as Omit<
      IntakeValues,
      'incomesYuan' | 'members' | 'exclusions'
    >),
    workStartDate: workStartDate ? dayjs(workStartDate) : null,
    incomesYuan: Object.fromEntries(
      INCOME_KEYS.map((k) => [k, incomes?.[k] ? toYuanText(incomes[k]) : undefined]),
    ) as IntakeValues['incomesYuan'],
    exclusions: { ...exclusions },
    bank: bank ? { bankName: bank.bankName, branch: bank.branch, cardNumber: bank.cardNumber } : undefined,
    members: (members ?? []).map(({ birthDate, monthlyIncomeFen, ...m }) => ({
      ...(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, orUndef(v)])) as MemberValues),
      birthDate: birthDate ? dayjs(birthDate) : null,
      monthlyIncome: monthlyIncomeFen ? toYuanText(monthlyIncomeFen) : undefined,
    })),
  };
}

/** A server field path ('members.0.idNumber', 'incomes.wagesFen') → the form's name path. */
export function formPath(path: string): (string | number)[] {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'incomes') return ['incomesYuan', ...parts.slice(1)];
  if (parts[0] === 'members' && parts[2] === 'monthlyIncomeFen')
    return ['members', parts[1] as number, 'monthlyIncome'];
  return parts;
}
