import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type {
  LegalAidApplicationTable,
  LegalAidAttachmentTable,
  LegalAidStepTable,
} from '../../platform/db/schema-legalaid.js';
import { type ScopedDb, subtreeEnd } from '../../platform/db/scoped.js';

export type NewApplication = Omit<LegalAidApplicationTable, 'id'>;
export type ApplicationPatch = Partial<Omit<NewApplication, 'version'>>;

export async function insertApplication(trx: Db, row: NewApplication): Promise<number> {
  const r = await trx.insertInto('legal_aid_application').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

function base(sdb: ScopedDb) {
  return sdb
    .selectFrom('legal_aid_application')
    .innerJoin('org_node', 'org_node.id', 'legal_aid_application.org_id')
    .selectAll('legal_aid_application')
    .select('org_node.name as org_name');
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export function findById(sdb: ScopedDb, id: number) {
  return base(sdb).where('legal_aid_application.id', '=', id).executeTakeFirst();
}

export interface ApplicationFilter {
  path: string;
  status?: string;
  caseKind?: string;
  overdueOn?: string;
  q?: string;
  workOrderId?: number;
}

function filtered(sdb: ScopedDb, f: ApplicationFilter) {
  let qb = base(sdb)
    .where('legal_aid_application.org_path', '>=', f.path)
    .where('legal_aid_application.org_path', '<', subtreeEnd(f.path));
  if (f.status) qb = qb.where('legal_aid_application.status', '=', f.status);
  if (f.caseKind) qb = qb.where('legal_aid_application.case_kind', '=', f.caseKind);
  if (f.overdueOn)
    qb = qb
      .where('legal_aid_application.status', '=', 'pending')
      .where('legal_aid_application.due_on', '<', f.overdueOn);
  if (f.workOrderId !== undefined) qb = qb.where('legal_aid_application.work_order_id', '=', f.workOrderId);
  if (f.q) {
    const q = f.q.replace(/[\\%_]/g, '');
    qb = qb.where((eb) =>
      eb.or([eb('legal_aid_application.app_no', 'like', `${q}%`), eb('legal_aid_application.person_name', '=', q)]),
    );
  }
  return qb;
}

/** One page of a subtree's applications (overdue and pending: soonest due first; else newest first) and the total. */
export async function list(sdb: ScopedDb, f: ApplicationFilter, page: { limit: number; offset: number }) {
  const qb = filtered(sdb, f);
  const ordered =
    f.overdueOn || f.status === 'pending'
      ? qb.orderBy('legal_aid_application.due_on').orderBy('legal_aid_application.id')
      : qb.orderBy('legal_aid_application.id', 'desc');
  const [rows, total] = await Promise.all([
    ordered.limit(page.limit).offset(page.offset).execute(),
    qb.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The encrypted person fields, for an audited reveal. */
export function personSecrets(sdb: ScopedDb, id: number) {
  return sdb
    .selectFrom('legal_aid_application')
    .select(['id_enc', 'phone_enc'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function workOrderBrief(sdb: ScopedDb, id: number) {
  return sdb
    .selectFrom('work_order')
    .select(['id', 'order_no', 'status', 'main_category'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// History and case steps

export async function insertStep(trx: Db, row: Omit<LegalAidStepTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('legal_aid_step').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function stepsOf(sdb: ScopedDb, applicationId: number) {
  return sdb
    .selectFrom('legal_aid_step')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export function findCaseStep(sdb: ScopedDb, applicationId: number, stepId: number) {
  return sdb
    .selectFrom('legal_aid_step')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('id', '=', stepId)
    .where('entry', '=', 'case')
    .executeTakeFirst();
}

/** A step's result, once: false when it already has one. */
export async function setStepResultIf(trx: Db, stepId: number, result: string, at: string): Promise<boolean> {
  const r = await trx
    .updateTable('legal_aid_step')
    .set({ result, result_at: at })
    .where('id', '=', stepId)
    .where('result', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// Evidence

export async function insertAttachment(trx: Db, row: Omit<LegalAidAttachmentTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('legal_aid_attachment').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function attachmentsOf(sdb: ScopedDb, applicationId: number) {
  return sdb
    .selectFrom('legal_aid_attachment')
    .select(['id', 'filename', 'mime', 'size_bytes', 'sha256', 'uploaded_by_name', 'uploaded_at'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export function attachmentContent(sdb: ScopedDb, applicationId: number, attachmentId: number) {
  return sdb
    .selectFrom('legal_aid_attachment')
    .select(['filename', 'mime', 'sha256', 'content_enc'])
    .where('application_id', '=', applicationId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}
