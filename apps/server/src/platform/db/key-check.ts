import { sql } from 'kysely';
import { ConfigError } from '../config.js';
import type { FieldCrypto } from '../crypto.js';
import type { Db } from './connect.js';

/**
 * Key check values: proof, kept with the data, that a secret opens it. At first boot the database receives a
 * constant encrypted under the field key ('field') and the constant's blind index ('index'). A secret that cannot
 * decrypt the first (the key id is unknown or the tag fails) or reproduce the second would make every reveal
 * fail, every exact ID search miss and 一人一档 accept a second file for the same person: the server refuses to
 * start instead, and `bangfu restore` refuses the backup.
 */
export const KEY_CHECK_PLAIN = 'bangfu-key-check-v1';
export interface KeyCheckRow {
  purpose: string;
  value: string;
}

export const SECRET_MISMATCH =
  'Invalid configuration: BANGFU_SECRET does not open this data (key check failed): set the secret it was written with, and former secrets in BANGFU_OLD_SECRETS';

/** Null when the crypto opens the stored check values (or there are none), else the reason. */
export function keyCheckProblem(crypto: FieldCrypto, rows: KeyCheckRow[]): string | null {
  for (const r of rows) {
    if (r.purpose === 'field') {
      try {
        if (crypto.decrypt(r.value) !== KEY_CHECK_PLAIN) return 'the field key check decrypts to something else';
      } catch {
        return 'the field encryption key check cannot be decrypted';
      }
    } else if (r.purpose === 'index' && crypto.blindIndex(KEY_CHECK_PLAIN, 'key-check') !== r.value)
      return 'the blind index key check does not match';
  }
  return null;
}

export async function readKeyCheck(db: Db): Promise<KeyCheckRow[]> {
  const r = await sql<KeyCheckRow>`select purpose, value from key_check order by purpose`.execute(db);
  return r.rows;
}

/**
 * A few ciphertexts already in the database (a database from before key checks): the secret must open them
 * before its check values are written.
 */
async function sampleCiphertexts(db: Db): Promise<string[]> {
  const ids = await sql<{ v: string }>`select id_enc as v from household where id_enc is not null limit 3`.execute(db);
  const phones = await sql<{ v: string }>`select phone as v from app_user where phone is not null limit 3`.execute(db);
  return [...ids.rows, ...phones.rows].map((r) => r.v).filter((v) => typeof v === 'string' && v.startsWith('e1.'));
}

/**
 * Whether the crypto opens a database about to be restored: its check values, or — for a database from before
 * key checks — a few of its ciphertexts. Null when it does (or nothing is encrypted), else the reason.
 */
export async function databaseKeyProblem(db: Db, crypto: FieldCrypto): Promise<string | null> {
  const rows = await readKeyCheck(db).catch(() => []);
  if (rows.length) return keyCheckProblem(crypto, rows);
  for (const c of await sampleCiphertexts(db).catch(() => [])) {
    try {
      crypto.decrypt(c);
    } catch {
      return 'its encrypted fields cannot be decrypted';
    }
  }
  return null;
}

/** Boot: check the secret against the stored values, or store them on first boot. Throws one clear line. */
export async function ensureKeyCheck(db: Db, crypto: FieldCrypto, now: Date): Promise<'checked' | 'created'> {
  const rows = await readKeyCheck(db);
  if (rows.length) {
    if (keyCheckProblem(crypto, rows)) throw new ConfigError(SECRET_MISMATCH);
    return 'checked';
  }
  for (const c of await sampleCiphertexts(db)) {
    try {
      crypto.decrypt(c);
    } catch {
      throw new ConfigError(SECRET_MISMATCH);
    }
  }
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [purpose, value] of [
      ['field', crypto.encrypt(KEY_CHECK_PLAIN)],
      ['index', crypto.blindIndex(KEY_CHECK_PLAIN, 'key-check')],
    ] as const)
      await sql`insert into key_check (purpose, value, created_at) values (${purpose}, ${value}, ${at}) on conflict (purpose) do nothing`.execute(
        trx,
      );
  });
  return 'created';
}
