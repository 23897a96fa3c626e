import type { certificateStates } from '@bangfu/contracts';
import { oneYearFrom } from '../goods/goods.rules.js';

export type CertificateState = (typeof certificateStates.codes)[number];

/**
 * What a certificate is worth today (a China calendar date): only 'active' is stored for a card in force;
 * before its first day it is not yet valid, after its last day (inclusive) it is expired.
 */
export function stateOf(
  c: { status: string; valid_from: string; valid_until: string },
  today: string,
): CertificateState {
  if (c.status === 'revoked') return 'revoked';
  if (c.status === 'superseded') return 'superseded';
  if (today < c.valid_from) return 'not_yet_valid';
  if (today > c.valid_until) return 'expired';
  return 'valid';
}

/** The validity asked for, or the default: from today, for one year. Null when it is not acceptable. */
export function validity(
  today: string,
  asked: { validFrom?: string; validUntil?: string },
): { from: string; until: string } | null {
  const from = asked.validFrom ?? today;
  const until = asked.validUntil ?? oneYearFrom(from);
  const [y, m, d] = from.split('-');
  const limit = `${Number(y) + 5}-${m}-${d}`;
  if (until <= from || until > limit) return null;
  return { from, until };
}
