import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { type Config, ConfigError } from '../../platform/config.js';
import type { Db } from '../../platform/db/connect.js';
import * as repo from './audit.repository.js';
import { verifyAudit } from './audit.service.js';

/**
 * Anchoring the audit trail. The hash chains prove that nothing changed *inside* a chain, but whoever owns the
 * database can cut a chain's tail and rewind `audit_head`, or rewrite an entry and rehash everything after it:
 * the chain is then consistent again. A checkpoint records each chain's head (seq and hash) at a moment, signed
 * with a key that is not in the database (BANGFU_AUDIT_KEY / BANGFU_AUDIT_KEY_FILE); kept off the server, it
 * lets `verify --expect` prove later that every chain still holds that very entry at that seq.
 */
export const CHECKPOINT_FORMAT = 'bangfu-audit-checkpoint/1';

const CheckpointSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  at: z.string(),
  chains: z.array(z.object({ chain: z.string(), seq: z.number().int().min(0), hash: z.string() })),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/** The checkpoint key, from BANGFU_AUDIT_KEY or the file BANGFU_AUDIT_KEY_FILE names. */
export function auditKey(config: Pick<Config, 'auditKey' | 'secret'>): Buffer {
  const k = config.auditKey;
  if (!k)
    throw new ConfigError(
      'Invalid configuration: BANGFU_AUDIT_KEY (or BANGFU_AUDIT_KEY_FILE) is needed to sign and check audit checkpoints',
    );
  let value: string;
  if ('value' in k) value = k.value;
  else {
    try {
      value = fs.readFileSync(k.file, 'utf8').trim();
    } catch (e) {
      throw new ConfigError(
        `Invalid configuration: BANGFU_AUDIT_KEY_FILE ${k.file} cannot be read (${(e as Error).message})`,
      );
    }
  }
  if (value.length < 32)
    throw new ConfigError('Invalid configuration: BANGFU_AUDIT_KEY must be at least 32 characters');
  if (config.secret && value === config.secret)
    throw new ConfigError('Invalid configuration: BANGFU_AUDIT_KEY must differ from BANGFU_SECRET');
  return Buffer.from(value, 'utf8');
}

function sign(cp: Omit<Checkpoint, 'signature'>, key: Buffer): string {
  const canonical = JSON.stringify([cp.format, cp.at, cp.chains.map((c) => [c.chain, c.seq, c.hash])]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

/** A signed record of every chain's head. Refused when the trail does not verify now (nothing to anchor). */
export async function makeCheckpoint(db: Db, key: Buffer, now: Date): Promise<Checkpoint> {
  const verified = await verifyAudit(db);
  if (!verified.ok) throw new Error('the audit trail does not verify: a checkpoint would anchor a damaged trail');
  const chains = (await repo.chains(db)).map((c) => ({ chain: c.chain, seq: Number(c.seq), hash: String(c.hash) }));
  const body = { format: CHECKPOINT_FORMAT, at: now.toISOString(), chains } as const;
  return { ...body, signature: sign(body, key) };
}

export interface ExpectResult {
  ok: boolean;
  problems: { chain: string | null; problem: string }[];
}

/** Check a checkpoint's signature, then that every recorded head is still in its chain, unchanged. */
export async function checkCheckpoint(db: Db, raw: unknown, key: Buffer): Promise<ExpectResult> {
  const parsed = CheckpointSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: [{ chain: null, problem: 'not a Bangfu audit checkpoint' }] };
  const cp = parsed.data;
  const expected = Buffer.from(sign(cp, key), 'hex');
  const given = Buffer.from(cp.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      ok: false,
      problems: [{ chain: null, problem: 'checkpoint signature is wrong: the file was altered or the key differs' }],
    };
  const problems: ExpectResult['problems'] = [];
  const heads = new Map((await repo.chains(db)).map((c) => [c.chain, c]));
  for (const c of cp.chains) {
    const head = heads.get(c.chain);
    if (!head) {
      problems.push({ chain: c.chain, problem: `chain is gone (checkpoint ${cp.at} recorded seq ${c.seq})` });
      continue;
    }
    if (head.seq === null || head.seq < c.seq)
      problems.push({
        chain: c.chain,
        problem: `chain shrank: head at seq ${head.seq ?? '-'}, checkpoint ${cp.at} recorded seq ${c.seq} (entries deleted)`,
      });
    if (c.seq === 0) continue;
    const hash = await repo.hashAt(db, c.chain, c.seq);
    if (hash === undefined)
      problems.push({ chain: c.chain, problem: `entry seq ${c.seq} recorded at checkpoint ${cp.at} is missing` });
    else if (hash !== c.hash)
      problems.push({
        chain: c.chain,
        problem: `entry seq ${c.seq} differs from checkpoint ${cp.at}: the chain was rewritten up to there`,
      });
  }
  return { ok: problems.length === 0, problems };
}
