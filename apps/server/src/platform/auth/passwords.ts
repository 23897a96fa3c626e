import { randomBytes } from 'node:crypto';
import { passwordProblems } from '@bangfu/contracts';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

/** argon2id, OWASP's second recommended profile (19 MiB, 2 passes). */
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so timing does not reveal which usernames exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

export function assertStrongPassword(password: string, username?: string, displayName?: string): void {
  const problems = passwordProblems(password, username, displayName);
  if (problems.length) throw new AppError('AUTH_WEAK_PASSWORD', { problems });
}

/** A generated password that meets the policy: 16 characters, letters and digits. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return passwordProblems(out).length === 0 ? out : generatePassword();
}
