import type { DiffEntry, FileDiff, HouseholdInput, MemberInput } from '@bangfu/contracts';
import { normaliseIdForIndex } from './archive.mapping.js';
import { householdFigures } from './archive.rules.js';

type Value = DiffEntry['before'];

/** Fields holding personal data: shown masked unless the caller revealed (personal.reveal, audited). */
const maskers: Record<string, (v: string) => string> = {
  idNumber: (v) => `${'*'.repeat(Math.max(0, v.length - 4))}${v.slice(-4)}`,
  phone: (v) => `${v.slice(0, 3)}****${v.slice(-4)}`,
  'bank.cardNumber': (v) => `****${v.slice(-4)}`,
  health: () => '***',
  birthDate: (v) => v.slice(0, 4),
};

/** Fields never compared: the node (a change does not move a file; transfers do). */
const SKIP = new Set(['orgId', 'members']);

function norm(v: unknown): Value {
  if (v === undefined || v === null || v === '') return null;
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

/** Flatten one level of nested objects (incomes, exclusions, bank) into dotted fields. */
function flat(o: Record<string, unknown> | null | undefined, prefix = ''): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of Object.entries(o ?? {})) {
    if (!prefix && SKIP.has(k)) continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [kk, vv] of flat(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
    } else out.set(`${prefix}${k}`, norm(v));
  }
  return out;
}

function entries(before: Map<string, Value>, after: Map<string, Value>, reveal: boolean) {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const out: DiffEntry[] = [];
  for (const field of keys) {
    const b = before.get(field) ?? null;
    const a = after.get(field) ?? null;
    if (same(b, a)) continue;
    const mask = reveal ? undefined : maskers[field];
    if (!mask) out.push({ field, before: b, after: a });
    else
      out.push({
        field,
        before: typeof b === 'string' ? mask(b) : b,
        after: typeof a === 'string' ? mask(a) : a,
        masked: true,
      });
  }
  return out;
}

const memberKey = (m: MemberInput) => {
  const id = m.idNumber ? normaliseIdForIndex(m.idNumber) : null;
  return id ? `id:${id}` : `nr:${m.name}|${m.relation}`;
};

/**
 * The field-level difference between two versions of a file (or a version and a proposal). Members are matched
 * by their ID number (else name and relation), so a member leaving from the middle of the list is one removal,
 * not a shift of every later member. Personal fields are masked unless `reveal`.
 */
export function fileDiff(before: HouseholdInput, after: HouseholdInput, reveal: boolean): FileDiff {
  const fields = entries(
    flat(before as unknown as Record<string, unknown>),
    flat(after as unknown as Record<string, unknown>),
    reveal,
  );
  const left = new Map(before.members.map((m) => [memberKey(m), m]));
  const right = new Map(after.members.map((m) => [memberKey(m), m]));
  const members: FileDiff['members'] = [];
  const memberFields = (m?: MemberInput) => flat(m as unknown as Record<string, unknown>);
  for (const [key, m] of left) {
    const n = right.get(key);
    if (!n) {
      members.push({
        name: m.name,
        relation: m.relation,
        change: 'removed',
        fields: entries(memberFields(m), new Map(), reveal),
      });
      continue;
    }
    const f = entries(memberFields(m), memberFields(n), reveal);
    if (f.length) members.push({ name: n.name, relation: n.relation, change: 'changed', fields: f });
  }
  for (const [key, n] of right)
    if (!left.has(key))
      members.push({
        name: n.name,
        relation: n.relation,
        change: 'added',
        fields: entries(new Map(), memberFields(n), reveal),
      });
  const fb = householdFigures(before);
  const fa = householdFigures(after);
  return {
    fields,
    members,
    figures: {
      householdSize: { before: fb.householdSize, after: fa.householdSize },
      perCapitaMonthlyFen: { before: fb.perCapitaMonthlyFen, after: fa.perCapitaMonthlyFen },
    },
    revealed: reveal,
  };
}

/** A proposal that changes nothing (same fields, same members). */
export const isEmptyDiff = (d: FileDiff) => d.fields.length === 0 && d.members.length === 0;

/** Did the bank account change (the card, the bank or the branch)? */
export const bankChanged = (before: HouseholdInput, after: HouseholdInput) =>
  entries(flat(before.bank ?? {}), flat(after.bank ?? {}), true).length > 0;
