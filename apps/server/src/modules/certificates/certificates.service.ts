import type {
  CertificateIssueInputSchema,
  CertificateKind,
  CertificateQuerySchema,
  CertificateRenewInputSchema,
} from '@bangfu/contracts';
import {
  certificateKinds,
  certificatePrefixes,
  certificateStates,
  certificateStatuses,
  certificateTitles,
  fileStatuses,
  IN_ARCHIVE_STATUSES,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { lockHousehold, nextFileNo } from '../archive/archive.repository.js';
import { mustFindFile } from '../archive/archive.service.js';
import { addDays, maskHolder } from '../goods/goods.rules.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './certificates.repository.js';
import { stateOf, validity } from './certificates.rules.js';

/** Certificates are held by households in the archive: 在档 and 解困 (contracts' one spelling of it). */
export const CERTIFICATE_ELIGIBLE = IN_ARCHIVE_STATUSES;

const zh = (list: { zh: object }, code: string) => (list.zh as Record<string, string>)[code] ?? code;

export function toCertificate(c: repo.CertificateRow, today: string) {
  const state = stateOf(c, today);
  return {
    id: Number(c.id),
    number: c.cert_no,
    kind: c.kind,
    kindLabel: zh(certificateKinds, c.kind),
    status: c.status,
    state,
    stateLabel: zh(certificateStates, state),
    household: {
      id: Number(c.household_id),
      name: c.holder_name,
      fileNo: c.file_no,
      status: c.household_status,
      statusLabel: zh(fileStatuses, c.household_status),
      inArchive: (CERTIFICATE_ELIGIBLE as readonly string[]).includes(c.household_status),
    },
    orgName: c.org_name,
    validFrom: c.valid_from,
    validUntil: c.valid_until,
    benefits: c.benefits,
    note: c.note,
    issuer: { id: Number(c.issuer_org_id), name: c.issuer_org_name },
    issuedBy: c.issued_by_name,
    issuedAt: c.issued_at,
    renewedFrom: c.renewed_from === null ? null : Number(c.renewed_from),
    supersededBy: c.superseded_by === null ? null : Number(c.superseded_by),
    revokedAt: c.revoked_at,
    revokedBy: c.revoked_by_name,
    revokeReason: c.revoke_reason,
  };
}

async function mustFind(sdb: ScopedDb, id: number) {
  const c = await repo.findById(sdb, id);
  if (!c) throw new AppError('CERTIFICATE_NOT_FOUND', { id });
  return c;
}

function mustBeActive(c: repo.CertificateRow) {
  if (c.status !== 'active')
    throw new AppError('CERTIFICATE_BAD_STATUS', { status: zh(certificateStatuses, c.status) });
}

/** A conditional update found the card no longer active: name the status another request gave it. */
async function changedMeanwhile(sdb: ScopedDb, id: number) {
  const c = await mustFind(sdb, id);
  return new AppError('CERTIFICATE_BAD_STATUS', { status: zh(certificateStatuses, c.status) });
}

async function eligibleFile(sdb: ScopedDb, householdId: number) {
  const file = await mustFindFile(sdb, householdId);
  if (!(CERTIFICATE_ELIGIBLE as readonly string[]).includes(file.status))
    throw new AppError('CERTIFICATE_NOT_ELIGIBLE', { status: zh(fileStatuses, file.status) });
  return file;
}

interface IssueSpec {
  file: Awaited<ReturnType<typeof eligibleFile>>;
  issuer: { id: number; name: string; province_code: string };
  kind: CertificateKind;
  from: string;
  until: string;
  benefits: string;
  note: string | null;
  renewedFrom: number | null;
}

/** Number it (per kind, province and year: 'TK44-2026-0000012') and insert; the database refuses a second active one. */
async function insertNew(ctx: AppContext, trx: Db, actor: Actor, s: IssueSpec) {
  const now = ctx.clock.now();
  const year = Number(chinaDate(now).slice(0, 4));
  const certNo = await nextFileNo(trx, `${certificatePrefixes[s.kind]}${s.issuer.province_code}`, year);
  const id = await repo.insertCertificate(trx, {
    org_id: Number(s.file.org_id),
    org_path: s.file.org_path,
    province_code: s.file.province_code,
    household_id: Number(s.file.id),
    kind: s.kind,
    cert_no: certNo,
    status: 'active',
    holder_name: s.file.name,
    valid_from: s.from,
    valid_until: s.until,
    benefits: s.benefits,
    note: s.note,
    issuer_org_id: s.issuer.id,
    issuer_org_name: s.issuer.name,
    issued_by: actor.userId,
    issued_by_name: actor.displayName,
    issued_at: now.toISOString(),
    renewed_from: s.renewedFrom,
    superseded_by: null,
    revoked_at: null,
    revoked_by_name: null,
    revoke_reason: null,
    updated_at: now.toISOString(),
  });
  if (id === 'duplicate')
    throw new AppError('CERTIFICATE_DUPLICATE', { kind: zh(certificateKinds, s.kind), number: '' });
  return { id, certNo };
}

/**
 * Issue a 特困证 or 优待证 to a household in the archive (seed 000: "发放统一制作的证件, 凭证享受一定的水、电、煤气
 * 补贴和减免学杂费"). The issuing union is the caller's node unless another node in scope above the file is named.
 */
export async function issueCertificate(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof CertificateIssueInputSchema>,
) {
  require(actor, 'assistance.propose');
  const today = ctx.clock.today();
  const v = validity(today, input);
  if (!v) throw new AppError('CERTIFICATE_BAD_VALIDITY', {});
  const id = await transaction(ctx, async (trx) => {
    // The file's lock (the one a transfer takes): a card lands where the file is, and a second issue waits and
    // then sees the first one's number.
    await lockHousehold(trx, ctx.dialect, input.householdId);
    const sdb = new ScopedDb(trx, actor.scope);
    const file = await eligibleFile(sdb, input.householdId);
    const issuer = await orgRepo.findActiveOrThrow(sdb, input.issuerOrgId ?? actor.scope.orgId);
    if (!file.org_path.startsWith(issuer.path))
      throw new AppError('CERTIFICATE_ISSUER_NOT_ABOVE', { org: issuer.name });
    const held = await repo.activeOf(sdb, Number(file.id), input.kind);
    if (held)
      throw new AppError('CERTIFICATE_DUPLICATE', { kind: zh(certificateKinds, input.kind), number: held.cert_no });
    const c = await insertNew(ctx, trx, actor, {
      file,
      issuer,
      kind: input.kind,
      ...v,
      benefits: input.benefits,
      note: input.note ?? null,
      renewedFrom: null,
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'certificate.issue',
      entityType: 'certificate',
      entityId: c.id,
      orgPath: file.org_path,
      chain: file.province_code,
      after: {
        number: c.certNo,
        householdId: Number(file.id),
        kind: input.kind,
        validFrom: v.from,
        validUntil: v.until,
      },
    });
    return c.id;
  });
  return getCertificate(ctx, actor, id);
}

/** Revoke with a reason (the file left the archive, the card was misused, …). An expired card may be revoked too. */
export async function revokeCertificate(ctx: AppContext, actor: Actor, id: number, reason: string) {
  require(actor, 'assistance.propose');
  await transaction(ctx, async (trx) => {
    const c = await mustFind(new ScopedDb(trx, actor.scope), id);
    mustBeActive(c);
    const now = ctx.clock.now().toISOString();
    const changed = await repo.updateActiveCertificate(trx, id, {
      status: 'revoked',
      revoked_at: now,
      revoked_by_name: actor.displayName,
      revoke_reason: reason,
      updated_at: now,
    });
    if (!changed) throw await changedMeanwhile(new ScopedDb(trx, actor.scope), id);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: id,
      orgPath: c.org_path,
      chain: c.province_code,
      before: { status: c.status },
      after: { status: 'revoked', reason },
    });
  });
  return getCertificate(ctx, actor, id);
}

/** Renew (换证/续期): a new certificate with a new number; the old one is marked superseded. */
export async function renewCertificate(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof CertificateRenewInputSchema>,
) {
  require(actor, 'assistance.propose');
  const today = ctx.clock.today();
  const v = validity(today, input);
  if (!v) throw new AppError('CERTIFICATE_BAD_VALIDITY', {});
  const newId = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const old = await mustFind(sdb, id);
    mustBeActive(old);
    await lockHousehold(trx, ctx.dialect, Number(old.household_id));
    const file = await eligibleFile(sdb, Number(old.household_id));
    // The card keeps its issuing union when the caller can see it; otherwise the caller's node issues.
    const issuer =
      (await orgRepo.findById(sdb, Number(old.issuer_org_id))) ??
      (await orgRepo.findActiveOrThrow(sdb, actor.scope.orgId));
    const now = ctx.clock.now().toISOString();
    // Free the one-active slot first, then insert, then link the old card to the new one.
    // Only one renewal of a card: the conditional update decides, a concurrent one finds it superseded.
    if (!(await repo.updateActiveCertificate(trx, id, { status: 'superseded', updated_at: now })))
      throw await changedMeanwhile(sdb, id);
    const c = await insertNew(ctx, trx, actor, {
      file,
      issuer,
      kind: old.kind as CertificateKind,
      ...v,
      benefits: input.benefits ?? old.benefits,
      note: old.note,
      renewedFrom: id,
    });
    await repo.updateCertificate(trx, id, { superseded_by: c.id });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'certificate.renew',
      entityType: 'certificate',
      entityId: c.id,
      orgPath: file.org_path,
      chain: file.province_code,
      before: { id, number: old.cert_no, validUntil: old.valid_until },
      after: { id: c.id, number: c.certNo, validFrom: v.from, validUntil: v.until },
    });
    return c.id;
  });
  return getCertificate(ctx, actor, newId);
}

export async function getCertificate(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'programme.read');
  const c = await mustFind(new ScopedDb(ctx.db, actor.scope), id);
  return toCertificate(c, ctx.clock.today());
}

/**
 * Verification by number, for a shop honouring the discount: the state (valid, expired, revoked, …), the
 * holder's name masked to its first character, the issuing union and the benefits. Nothing else.
 */
export async function verifyCertificate(ctx: AppContext, actor: Actor, number: string) {
  require(actor, 'programme.read');
  const c = await repo.findByNumber(new ScopedDb(ctx.db, actor.scope), number);
  if (!c) throw new AppError('CERTIFICATE_NOT_FOUND', { number });
  const state = stateOf(c, ctx.clock.today());
  return {
    number: c.cert_no,
    kind: c.kind,
    kindLabel: zh(certificateKinds, c.kind),
    state,
    stateLabel: zh(certificateStates, state),
    valid: state === 'valid',
    holder: maskHolder(c.holder_name),
    issuer: c.issuer_org_name,
    validFrom: c.valid_from,
    validUntil: c.valid_until,
    benefits: c.benefits,
  };
}

/** Certificates of a subtree: by kind, state, and those ending within n days. */
export async function listCertificates(ctx: AppContext, actor: Actor, q: z.infer<typeof CertificateQuerySchema>) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findById(sdb, q.orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
  const today = ctx.clock.today();
  const expiringBy = q.expiringWithinDays === undefined ? undefined : addDays(today, q.expiringWithinDays);
  const { rows, total } = await repo.list(sdb, { path: org.path, today, kind: q.kind, state: q.state, expiringBy }, q);
  return { total, limit: q.limit, offset: q.offset, items: rows.map((c) => toCertificate(c, today)) };
}

/** Certificates still active although their file has left the archive (脱困, 注销, …): to revoke. */
export async function certificatesToRevoke(ctx: AppContext, actor: Actor, orgId: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findById(sdb, orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: orgId });
  const today = ctx.clock.today();
  const rows = await repo.heldOutsideArchive(sdb, org.path, CERTIFICATE_ELIGIBLE);
  return { items: rows.map((c) => toCertificate(c, today)) };
}

export async function householdCertificates(ctx: AppContext, actor: Actor, householdId: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindFile(sdb, householdId);
  const today = ctx.clock.today();
  return { items: (await repo.ofHousehold(sdb, householdId)).map((c) => toCertificate(c, today)) };
}

/** What the print view lays out on the card: title, number, holder, masked ID, validity, benefits, issuer. */
export async function printableCertificate(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'programme.read');
  const c = await mustFind(new ScopedDb(ctx.db, actor.scope), id);
  const today = ctx.clock.today();
  const state = stateOf(c, today);
  return {
    title: certificateTitles[c.kind as CertificateKind] ?? zh(certificateKinds, c.kind),
    number: c.cert_no,
    kindLabel: zh(certificateKinds, c.kind),
    holderName: c.holder_name,
    idMasked: c.id_mask,
    fileNo: c.file_no,
    validFrom: c.valid_from,
    validUntil: c.valid_until,
    validityText: `有效期：${c.valid_from} 至 ${c.valid_until}`,
    benefits: c.benefits,
    issuer: c.issuer_org_name,
    issuedOn: chinaDate(new Date(c.issued_at)),
    state,
    stateLabel: zh(certificateStates, state),
    printable: state === 'valid' || state === 'not_yet_valid',
  };
}
