import { programmes } from '@bangfu/contracts';
import type { ProgrammeTemplate } from '@bangfu/policy';
import type { Db } from '../../platform/db/connect.js';
import { AppError } from '../../platform/errors.js';
import { programmesGranted } from '../grants/grants.repository.js';

/**
 * Rules read the system (issue 9 item 6): the inputs a rule takes that the system knows about a household — its
 * grade and 低保 status (the file), its household size (the file), the programmes it was granted this fiscal year
 * (this system's grants) — are filled in here and cannot be supplied by the applicant: a different value is
 * refused naming the field. Every input's source is kept with the explanation.
 */
export type InputSource = 'file' | 'grants' | 'applicant';
const SOURCE: Record<InputSource, { zh: string; en: string }> = {
  file: { zh: '档案', en: 'the file' },
  grants: { zh: '本系统发放记录', en: "this system's grant records" },
  applicant: { zh: '申请人填写', en: 'stated by the applicant' },
};
const FIELD: Record<string, { zh: string; en: string }> = {
  grade: { zh: '困难类别', en: 'grade' },
  dibao: { zh: '低保家庭', en: '低保 household' },
  otherProgrammesReceived: { zh: '本年已享受的救助项目', en: 'programmes received this year' },
  'income.householdSize': { zh: '家庭人口', en: 'household size' },
};
const programmeZh = (p: string) => programmes.zh[p as keyof typeof programmes.zh] ?? p;

export interface SourcedInput {
  field: string;
  source: InputSource;
  zh: string;
  en: string;
}

interface FileFacts {
  id: number;
  grade: string | null;
  dibao_status: string;
  household_size: number;
}

function fieldsOf(t: ProgrammeTemplate): string[] {
  const shape = (t.inputSchema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function refuse(field: string, source: InputSource): never {
  throw new AppError('APPLICATION_INPUT_FROM_SYSTEM', {
    field,
    fieldZh: FIELD[field]?.zh ?? field,
    source: SOURCE[source].zh,
    sourceEn: SOURCE[source].en,
  });
}

/** The rule's input: what the system knows, then what the applicant stated; with where each came from. */
export async function ruleInputs(
  db: Db,
  template: ProgrammeTemplate,
  file: FileFacts,
  programme: string,
  fiscalYear: number,
  typed: Record<string, unknown>,
): Promise<{ inputs: Record<string, unknown>; sources: SourcedInput[] }> {
  const fields = fieldsOf(template);
  const known: Record<string, { value: unknown; source: InputSource }> = {};
  if (fields.includes('grade') && file.grade !== null) known.grade = { value: file.grade, source: 'file' };
  if (fields.includes('dibao')) known.dibao = { value: file.dibao_status === 'dibao', source: 'file' };
  const extra: string[] = [];
  if (fields.includes('otherProgrammesReceived')) {
    const granted = (await programmesGranted(db, file.id, fiscalYear)).filter((p) => p !== programme).map(programmeZh);
    // A programme received outside this system may still be stated (it only restricts); none is taken away.
    const stated = Array.isArray(typed.otherProgrammesReceived) ? (typed.otherProgrammesReceived as unknown[]) : [];
    for (const s of stated) if (typeof s === 'string' && !granted.includes(s)) extra.push(s);
    known.otherProgrammesReceived = { value: [...granted, ...extra], source: 'grants' };
  }
  for (const [field, k] of Object.entries(known)) {
    if (field !== 'otherProgrammesReceived' && field in typed && !same(typed[field], k.value)) refuse(field, k.source);
  }
  const income = typed.income as { householdSize?: unknown } | undefined;
  if (fields.includes('income') && income && typeof income === 'object' && 'householdSize' in income) {
    if (income.householdSize !== file.household_size) refuse('income.householdSize', 'file');
  }
  const sources: SourcedInput[] = [];
  for (const [field, k] of Object.entries(known)) sources.push({ field, source: k.source, ...SOURCE[k.source] });
  if (extra.some(Boolean)) sources.push({ field: 'otherProgrammesReceived', source: 'applicant', ...SOURCE.applicant });
  for (const field of Object.keys(typed))
    if (!(field in known)) sources.push({ field, source: 'applicant', ...SOURCE.applicant });
  const values = Object.fromEntries(Object.entries(known).map(([f, k]) => [f, k.value]));
  return { inputs: { ...typed, ...values }, sources };
}

/** The explanation's step naming where each input came from. */
export function sourcesStep(ruleId: string, sources: SourcedInput[], inputs: Record<string, unknown>) {
  const label = (s: SourcedInput, lang: 'zh' | 'en') => {
    const name = FIELD[s.field]?.[lang] ?? s.field;
    const v = s.field === 'otherProgrammesReceived' && s.source === 'grants' ? inputs.otherProgrammesReceived : null;
    const shown = Array.isArray(v) ? `（${v.length ? v.join('、') : lang === 'zh' ? '无' : 'none'}）` : '';
    return `${name}${shown}：${s[lang]}`;
  };
  return {
    rule: `${ruleId}.inputs`,
    kind: 'input' as const,
    zh: `输入来源：${sources.map((s) => label(s, 'zh')).join('；')}`,
    en: `Sources of the inputs: ${sources.map((s) => label(s, 'en')).join('; ')}`,
    data: Object.fromEntries(sources.map((s) => [s.field, s.source])),
  };
}
