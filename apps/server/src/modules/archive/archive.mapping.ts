import type { HouseholdInput } from '@bangfu/contracts';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { pinyinInitials, pinyinSortKey } from '../../platform/pinyin.js';
import type { NewHousehold, NewMember } from './archive.repository.js';
import { householdFigures, parseId } from './archive.rules.js';

type ContentColumns = Omit<
  NewHousehold,
  | 'org_id'
  | 'org_path'
  | 'province_code'
  | 'file_no'
  | 'status'
  | 'version'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
  | 'filed_at'
  | 'notice_round'
  | 'notice_start'
  | 'notice_end'
  | 'last_reviewed_at'
  | 'next_review_due'
  | 'last_assisted_at'
  | 'exit_proposed_since'
  | 'grade'
  | 'grade_override_reason'
>;

const maskPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

/** What is kept in clear of a birth date: the year (age bands). The full date stays inside encrypted data. */
export const birthYearOf = (date: string | null | undefined): number | null => (date ? Number(date.slice(0, 4)) : null);

/** The 18-digit form of a typed ID, for its blind index; null when it is not a valid ID. */
export function normaliseIdForIndex(raw: string): string | null {
  const r = parseId(raw);
  return r.ok ? r.id18 : null;
}

/**
 * The intake form → the rows to store: personal fields encrypted with their blind index and masked form,
 * report columns in clear, the long tail of the national form as a JSON document.
 */
export function toRows(
  ctx: AppContext,
  input: HouseholdInput,
): { household: ContentColumns; members: Omit<NewMember, 'org_id' | 'org_path' | 'province_code'>[] } {
  const worker = parseId(input.idNumber);
  if (!worker.ok)
    throw new AppError('ARCHIVE_INVALID_ID', { field: 'idNumber', reason: worker.code, zh: worker.zh, en: worker.en });
  const seen = new Set([worker.id18]);
  const members = input.members.map((m, i) => {
    let id: { id18: string; birthDate: string; sex: string; masked: string } | null = null;
    if (m.idNumber) {
      const r = parseId(m.idNumber);
      if (!r.ok)
        throw new AppError('ARCHIVE_INVALID_ID', {
          field: `members.${i}.idNumber`,
          reason: r.code,
          zh: r.zh,
          en: r.en,
        });
      if (seen.has(r.id18)) throw new AppError('ARCHIVE_DUPLICATE_MEMBER', { field: `members.${i}.idNumber` });
      seen.add(r.id18);
      id = r;
    }
    const {
      name,
      relation,
      idNumber: _id,
      sex,
      birthDate,
      maritalStatus,
      health,
      disability,
      schooling,
      monthlyIncomeFen,
      ...rest
    } = m;
    return {
      seq: i + 1,
      name,
      relation,
      sex: id?.sex ?? sex ?? null,
      birth_year: birthYearOf(id?.birthDate ?? birthDate),
      id_enc: id ? ctx.crypto.encrypt(id.id18) : null,
      id_bidx: id ? ctx.crypto.blindIndex(id.id18, 'id') : null,
      id_mask: id?.masked ?? null,
      health_enc: ctx.crypto.encryptNullable(health),
      disability: disability ?? null,
      schooling: schooling ?? null,
      marital_status: maritalStatus ?? null,
      monthly_income_fen: monthlyIncomeFen,
      details_json: JSON.stringify(rest),
    };
  });
  const figures = householdFigures(input);
  const {
    orgId: _org,
    kind,
    name,
    idNumber: _idn,
    phone,
    health,
    disability,
    workStatus,
    education,
    maritalStatus,
    dibaoStatus,
    singleParent,
    zeroEmployment,
    mainCause,
    secondaryCauses,
    bank,
    members: _m,
    ...details
  } = input;
  return {
    household: {
      kind,
      name,
      name_sort: pinyinSortKey(name, { surname: true }),
      name_initials: pinyinInitials(name, { surname: true }),
      sex: worker.sex,
      birth_year: birthYearOf(worker.birthDate) as number,
      id_enc: ctx.crypto.encrypt(worker.id18),
      id_bidx: ctx.crypto.blindIndex(worker.id18, 'id'),
      id_mask: worker.masked,
      phone_enc: ctx.crypto.encryptNullable(phone),
      phone_bidx: phone ? ctx.crypto.blindIndex(phone, 'phone') : null,
      phone_mask: phone ? maskPhone(phone) : null,
      health_enc: ctx.crypto.encrypt(health),
      bank_enc: bank ? ctx.crypto.encrypt(JSON.stringify(bank)) : null,
      disability,
      work_status: workStatus,
      education: education ?? null,
      marital_status: maritalStatus,
      dibao_status: dibaoStatus,
      single_parent: singleParent ? 1 : 0,
      zero_employment: zeroEmployment ? 1 : 0,
      main_cause: mainCause,
      cause2: secondaryCauses[0] ?? null,
      cause3: secondaryCauses[1] ?? null,
      cause4: secondaryCauses[2] ?? null,
      household_size: figures.householdSize,
      annual_income_fen: figures.annualIncomeFen,
      per_capita_fen: figures.perCapitaMonthlyFen,
      grade_proposed: null,
      grade_explanation_json: null,
      details_json: JSON.stringify(details),
    },
    members,
  };
}
