import { z } from 'zod';
import {
  causes,
  dibaoStatuses,
  disabilityKinds,
  educations,
  fileKinds,
  fileStatuses,
  grades,
  healthStatuses,
  housingTypes,
  hukouTypes,
  maritalStatuses,
  medicalInsurances,
  relations,
  schoolings,
  sexes,
  workStatuses,
} from './archive-codes.js';
import { PhoneSchema } from './users.js';

/** Money in integer 分, never negative, below 10^11 分 (a billion 元). */
export const FenSchema = z.number().int().min(0).max(99_999_999_999);
const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullish();
const IsoDate = z.iso.date();

/** The raw ID as typed; the server validates it (GB 11643 checksum, region, birth date; 15 → 18 digits). */
export const IdNumberInputSchema = z.string().trim().min(15).max(20);

export const MemberInputSchema = z.object({
  name: text(50).min(1),
  relation: relations.schema,
  idNumber: IdNumberInputSchema.nullish(),
  sex: sexes.schema.nullish(),
  birthDate: IsoDate.nullish(),
  maritalStatus: maritalStatuses.schema.nullish(),
  politicalStatus: optText(20),
  health: healthStatuses.schema.nullish(),
  disability: disabilityKinds.schema.nullish(),
  schooling: schoolings.schema.nullish(),
  occupation: optText(50),
  unitOrSchool: optText(100),
  monthlyIncomeFen: FenSchema.default(0),
  medicalInsurance: medicalInsurances.schema.nullish(),
  hasLabourContract: z.boolean().nullish(),
});
export type MemberInput = z.infer<typeof MemberInputSchema>;

/** Incomes and rigid spending over the 12 months before applying, and hardship losses of the year (分). */
export const IncomeInputSchema = z.object({
  wagesFen: FenSchema.default(0),
  businessFen: FenSchema.default(0),
  propertyFen: FenSchema.default(0),
  transferFen: FenSchema.default(0),
  otherIncomeFen: FenSchema.default(0),
  medicalSpendingFen: FenSchema.default(0),
  disabilitySpendingFen: FenSchema.default(0),
  schoolingSpendingFen: FenSchema.default(0),
  housingSpendingFen: FenSchema.default(0),
  otherSpendingFen: FenSchema.default(0),
  hardshipLossFen: FenSchema.default(0),
});
export type IncomeInput = z.infer<typeof IncomeInputSchema>;

export const ExclusionsSchema = z.object({
  ownsVehicle: z.boolean().default(false),
  multipleHomes: z.boolean().default(false),
  controllingShareholder: z.boolean().default(false),
  privateSchoolOrAbroad: z.boolean().default(false),
  refusesVerification: z.boolean().default(false),
});

export const BankInputSchema = z.object({
  bankName: text(50).min(1),
  branch: optText(100),
  cardNumber: z
    .string()
    .trim()
    .regex(/^\d{12,30}$/, '银行卡号应为12-30位数字 / card number: 12-30 digits'),
});

/** A household file as the intake form sends it (create and edit while draft or under verification). */
export const HouseholdInputSchema = z.object({
  orgId: z.number().int().positive(),
  kind: fileKinds.schema.default('full'),
  name: text(50).min(1),
  idNumber: IdNumberInputSchema,
  ethnicity: optText(20),
  politicalStatus: optText(20),
  phone: PhoneSchema.nullish(),
  otherContact: optText(100),
  postalCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullish(),
  address: optText(200),
  hukouDivision: optText(100),
  hukouType: hukouTypes.schema.nullish(),
  maritalStatus: maritalStatuses.schema,
  health: healthStatuses.schema.default('healthy'),
  disability: disabilityKinds.schema.default('none'),
  workStatus: workStatuses.schema,
  modelWorker: optText(50),
  education: educations.schema.nullish(),
  housingType: housingTypes.schema.nullish(),
  housingAreaM2: z.number().min(0).max(10_000).nullish(),
  workStartDate: IsoDate.nullish(),
  industry: optText(50),
  employer: optText(100),
  employerNature: optText(50),
  enterpriseStatus: optText(50),
  singleParent: z.boolean().default(false),
  zeroEmployment: z.boolean().default(false),
  canSelfHelp: z.boolean().default(true),
  medicalInsurance: medicalInsurances.schema.nullish(),
  dibaoStatus: dibaoStatuses.schema.default('none'),
  mainCause: causes.schema,
  secondaryCauses: z.array(causes.schema).max(3).default([]),
  incomes: IncomeInputSchema.default(IncomeInputSchema.parse({})),
  exclusions: ExclusionsSchema.default(ExclusionsSchema.parse({})),
  bank: BankInputSchema.nullish(),
  skills: optText(500),
  jobWishes: optText(500),
  needs: optText(1000),
  thoughts: optText(1000),
  measures: optText(1000),
  members: z.array(MemberInputSchema).max(20).default([]),
});
export type HouseholdInput = z.infer<typeof HouseholdInputSchema>;

export const HouseholdListItemSchema = z.object({
  id: z.number().int(),
  fileNo: z.string(),
  name: z.string(),
  /** The last four characters only (**************123X): see docs/SECURITY.md, what each role sees. */
  idMasked: z.string(),
  sex: sexes.schema,
  /** Year only: with the mask, a finer date would leave a handful of candidate numbers. */
  birthYear: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: fileKinds.schema,
  status: fileStatuses.schema,
  grade: grades.schema.nullable(),
  /** The grade the policy in force proposes (shown on notice lists before approval). */
  gradeProposed: grades.schema.nullable(),
  mainCause: causes.schema,
  householdSize: z.number().int(),
  perCapitaMonthlyFen: z.number().int(),
  phoneMasked: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  noticeStart: z.string().nullable(),
  noticeEnd: z.string().nullable(),
  /** First month of a run of 6 months above the 低保 line: 脱困 is proposed (null: not proposed). */
  exitProposedSince: z.string().nullable(),
  updatedAt: z.string(),
});
export type HouseholdListItem = z.infer<typeof HouseholdListItemSchema>;

export const HouseholdQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  idNumber: z.string().trim().max(20).optional(),
  phone: z.string().trim().max(20).optional(),
  fileNo: z.string().trim().max(30).optional(),
  /** One status, or several separated by commas ('filed,relieved'). */
  status: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()) : undefined))
    .pipe(z.array(fileStatuses.schema).min(1).max(10).optional()),
  grade: grades.schema.optional(),
  cause: causes.schema.optional(),
  orgId: z.coerce.number().int().positive().optional(),
  sort: z.enum(['pinyin', 'fileNo', 'updatedAt', 'perCapita']).default('pinyin'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type HouseholdQuery = z.infer<typeof HouseholdQuerySchema>;
