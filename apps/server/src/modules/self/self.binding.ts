import { createHash, randomInt } from 'node:crypto';
import type { BindCode, CreateWorkerAccount, SelfBind, User } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { parseId } from '../archive/archive.rules.js';
import { mustFindFile } from '../archive/archive.service.js';
import { createUser } from '../users/users.service.js';
import * as repo from './self.repository.js';

/**
 * Identity binding (issue 8, item 4). A worker account reads a file only through `app_user.household_id`, and
 * that link is made only here, by one of two verified paths:
 * (a) staff holding user.write whose scope contains the file open the worker's account from the file;
 * (b) such staff issue a one-time code for the file, which the worker enters with their own ID number.
 * Out-of-scope files answer 404 (ARCHIVE_NOT_FOUND), like every other read.
 */
export const BIND_CODE_DAYS = 7;
export const BIND_CODE_MAX_WRONG_ID = 5;
/** No 0/O, 1/I/L: the code is read aloud and typed from paper. 10 characters ≈ 49 bits. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const normaliseCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
const hashCode = (code: string) =>
  createHash('sha256')
    .update(`bind\u0000${normaliseCode(code)}`)
    .digest('hex');

function newCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** (a) Open a worker account from the file, at the file's node, linked to it. */
export async function openWorkerAccount(
  ctx: AppContext,
  actor: Actor,
  householdId: number,
  input: CreateWorkerAccount,
): Promise<User> {
  require(actor, 'user.write');
  const file = await mustFindFile(new ScopedDb(ctx.db, actor.scope), householdId);
  return createUser(
    ctx,
    actor,
    {
      username: input.username,
      displayName: input.displayName ?? file.name,
      orgId: Number(file.org_id),
      roles: ['worker'],
      phone: input.phone ?? null,
      password: input.password,
    },
    { householdId: Number(file.id), personBidx: file.id_bidx, fileNo: file.file_no },
  );
}

/** (b) Issue a one-time code for the file: shown once, stored hashed, expires, ends earlier codes. Audited. */
export async function issueBindCode(ctx: AppContext, actor: Actor, householdId: number): Promise<BindCode> {
  require(actor, 'user.write');
  const file = await mustFindFile(new ScopedDb(ctx.db, actor.scope), householdId);
  const code = newCode();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + BIND_CODE_DAYS * 86_400_000).toISOString();
  await transaction(ctx, async (trx) => {
    await repo.insertBindCode(trx, {
      household_id: Number(file.id),
      code_hash: hashCode(code),
      created_by: actor.userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'self.bind_code_issue',
      entityType: 'household',
      entityId: Number(file.id),
      orgPath: file.org_path,
      chain: file.province_code,
      after: { expiresAt },
    });
  });
  return { code, expiresAt, fileNo: file.file_no };
}

/**
 * The worker enters the code and their ID number. Every failure — unknown, used or expired code, another
 * person's ID — is the same SELF_BIND_CODE_INVALID; a wrong ID counts against the code (dead at the fifth).
 */
export async function bindWithCode(ctx: AppContext, actor: Actor, input: SelfBind) {
  require(actor, 'self.read');
  const me = await repo.linkOf(ctx.db, actor.userId ?? -1);
  if (me?.kind !== 'worker') throw new AppError('SELF_NOT_WORKER_ACCOUNT');
  if (me.household_id !== null) throw new AppError('SELF_ALREADY_LINKED');
  const now = ctx.clock.now().toISOString();
  const code = await repo.openCode(ctx.db, hashCode(input.code), now);
  if (!code) throw new AppError('SELF_BIND_CODE_INVALID');
  const file = await repo.fileOfCode(ctx.db, Number(code.household_id));
  const id = parseId(input.idNumber);
  const bidx = id.ok ? ctx.crypto.blindIndex(id.id18, 'id') : null;
  if (!file || bidx !== file.id_bidx) {
    await repo.countWrongId(ctx.db, Number(code.id), now, BIND_CODE_MAX_WRONG_ID);
    throw new AppError('SELF_BIND_CODE_INVALID');
  }
  await transaction(ctx, async (trx) => {
    if (!(await repo.useCode(trx, Number(code.id), Number(me.id), now))) throw new AppError('SELF_BIND_CODE_INVALID');
    await repo.linkAccount(trx, Number(me.id), Number(file.id), file.id_bidx);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'self.link',
      entityType: 'household',
      entityId: Number(file.id),
      orgPath: file.org_path,
      chain: file.province_code,
      after: { userId: Number(me.id), via: 'code' },
    });
  });
  return { fileNo: file.file_no };
}
