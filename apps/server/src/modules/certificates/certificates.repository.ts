import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { CertificateTable } from '../../platform/db/schema-goods.js';
import { type ScopedDb, subtreeEnd } from '../../platform/db/scoped.js';

export type NewCertificate = Omit<CertificateTable, 'id'>;

const columns = [
  'certificate.id',
  'certificate.org_id',
  'certificate.org_path',
  'certificate.province_code',
  'certificate.household_id',
  'certificate.kind',
  'certificate.cert_no',
  'certificate.status',
  'certificate.holder_name',
  'certificate.valid_from',
  'certificate.valid_until',
  'certificate.benefits',
  'certificate.note',
  'certificate.issuer_org_id',
  'certificate.issuer_org_name',
  'certificate.issued_by_name',
  'certificate.issued_at',
  'certificate.renewed_from',
  'certificate.superseded_by',
  'certificate.revoked_at',
  'certificate.revoked_by_name',
  'certificate.revoke_reason',
  'certificate.updated_at',
  'household.status as household_status',
  'household.file_no',
  'household.id_mask',
  'org_node.name as org_name',
] as const;

function base(sdb: ScopedDb) {
  return sdb
    .selectFrom('certificate')
    .innerJoin('household', 'household.id', 'certificate.household_id')
    .innerJoin('org_node', 'org_node.id', 'certificate.org_id')
    .select(columns);
}
export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export function findById(sdb: ScopedDb, id: number) {
  return base(sdb).where('certificate.id', '=', id).executeTakeFirst();
}

export function findByNumber(sdb: ScopedDb, certNo: string) {
  return base(sdb).where('certificate.cert_no', '=', certNo).executeTakeFirst();
}

/** The household's certificate of a kind that is not revoked or superseded (it may have expired). */
export function activeOf(sdb: ScopedDb, householdId: number, kind: string) {
  return base(sdb)
    .where('certificate.household_id', '=', householdId)
    .where('certificate.kind', '=', kind)
    .where('certificate.status', '=', 'active')
    .executeTakeFirst();
}

const isUniqueViolation = (e: unknown) => {
  const code = (e as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** Insert; 'duplicate' when the database refuses a second active certificate (a concurrent issue). */
export async function insertCertificate(trx: Db, row: NewCertificate): Promise<number | 'duplicate'> {
  try {
    const r = await trx.insertInto('certificate').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  } catch (e) {
    if (isUniqueViolation(e)) return 'duplicate';
    throw e;
  }
}

export async function updateCertificate(trx: Db, id: number, patch: Partial<NewCertificate>) {
  await trx.updateTable('certificate').set(patch).where('id', '=', id).execute();
}

/** Change an active certificate only if it is still active; false when a concurrent request changed it first. */
export async function updateActiveCertificate(trx: Db, id: number, patch: Partial<NewCertificate>): Promise<boolean> {
  const r = await trx
    .updateTable('certificate')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface CertificateFilter {
  path: string;
  today: string;
  kind?: string;
  state?: string;
  /** Valid certificates ending on or before this date. */
  expiringBy?: string;
}

function filtered(sdb: ScopedDb, f: CertificateFilter) {
  let qb = base(sdb).where('certificate.org_path', '>=', f.path).where('certificate.org_path', '<', subtreeEnd(f.path));
  if (f.kind) qb = qb.where('certificate.kind', '=', f.kind);
  const active = f.state !== undefined && !['revoked', 'superseded'].includes(f.state);
  if (f.state && !active) qb = qb.where('certificate.status', '=', f.state);
  if (active || f.expiringBy) qb = qb.where('certificate.status', '=', 'active');
  if (f.state === 'valid' || f.expiringBy)
    qb = qb.where('certificate.valid_from', '<=', f.today).where('certificate.valid_until', '>=', f.today);
  if (f.state === 'not_yet_valid') qb = qb.where('certificate.valid_from', '>', f.today);
  if (f.state === 'expired') qb = qb.where('certificate.valid_until', '<', f.today);
  if (f.expiringBy) qb = qb.where('certificate.valid_until', '<=', f.expiringBy);
  return qb;
}

/** Certificates held in a subtree, soonest ending first, one page and the total. */
export async function list(sdb: ScopedDb, f: CertificateFilter, page: { limit: number; offset: number }) {
  const qb = filtered(sdb, f);
  const [rows, total] = await Promise.all([
    qb.orderBy('certificate.valid_until').orderBy('certificate.id').limit(page.limit).offset(page.offset).execute(),
    qb.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function ofHousehold(sdb: ScopedDb, householdId: number) {
  return base(sdb).where('certificate.household_id', '=', householdId).orderBy('certificate.id', 'desc').execute();
}

/** Active certificates whose file has left the archive (no longer 在档 or 解困): staff should revoke them. */
export function heldOutsideArchive(sdb: ScopedDb, path: string, inArchive: readonly string[]) {
  return base(sdb)
    .where('certificate.org_path', '>=', path)
    .where('certificate.org_path', '<', subtreeEnd(path))
    .where('certificate.status', '=', 'active')
    .where('household.status', 'not in', [...inArchive])
    .orderBy('certificate.id')
    .limit(5000)
    .execute();
}
