import { fileStatuses, isInArchive } from '@bangfu/contracts';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError, errorBody } from '../../platform/errors.js';
import type { NewGrant } from './grants.repository.js';

/** What a grant copies from the file it pays: the recipient, the masked ID and, for a bank transfer, the card. */
export interface GrantFile {
  id: number;
  org_id: number;
  org_path: string;
  province_code: string;
  name: string;
  id_mask: string;
  status: string;
  bank_enc: string | null;
}

/** Last four only (docs/SECURITY.md): lists and the payment sheet never show more of a card. */
export const maskCard = (card: string) => (card.length > 8 ? `**** ${card.slice(-4)}` : '****');

/** A file eligible to receive money is in the archive (在档, 已解困); any other is refused with one code. */
export function assertInArchive(file: Pick<GrantFile, 'status'>) {
  if (!isInArchive(file.status))
    throw new AppError('FILE_NOT_IN_ARCHIVE', {
      status: fileStatuses.zh[file.status as keyof typeof fileStatuses.zh] ?? file.status,
    });
}

/**
 * Who is paid and how: the recipient (the worker named on the file — 不得代领), the masked ID, and for a bank
 * transfer the file's card, encrypted as it is and masked to its last four. A bank payment to a file without a
 * card is refused (GRANT_NO_BANK_ACCOUNT), the same way for a batch, an application and a campaign entry.
 */
export function grantRecipient(crypto: FieldCrypto, file: GrantFile, method: string) {
  assertInArchive(file);
  let bank: { bankName?: string; cardNumber?: string } | null = null;
  if (method === 'bank' && file.bank_enc) bank = JSON.parse(crypto.decrypt(file.bank_enc));
  if (method === 'bank' && !bank?.cardNumber?.trim()) throw new AppError('GRANT_NO_BANK_ACCOUNT', { name: file.name });
  return {
    recipient_name: file.name,
    id_mask: file.id_mask,
    bank_enc: method === 'bank' ? file.bank_enc : null,
    bank_mask: bank ? `${bank.bankName ?? ''} ${maskCard(bank.cardNumber ?? '')}`.trim() : null,
  };
}

export interface GrantSpec {
  owner: { batchId: number } | { applicationId: number };
  programme: string;
  period: string;
  fiscalYear: number;
  amountFen: number;
  method: string;
  /** The explanation (JSON) of how the amount was computed. */
  explanation: string;
  /** Proposed for approval, or approved at once (an amount set by the deciding union). */
  status: 'proposed' | 'approved';
  now: string;
}

/** The one way a grant is built from a file: the household's node, the recipient, and what is paid for. */
export function buildGrant(crypto: FieldCrypto, file: GrantFile, spec: GrantSpec): NewGrant {
  return {
    household_id: Number(file.id),
    org_id: Number(file.org_id),
    org_path: file.org_path,
    province_code: file.province_code,
    batch_id: 'batchId' in spec.owner ? spec.owner.batchId : null,
    application_id: 'applicationId' in spec.owner ? spec.owner.applicationId : null,
    programme: spec.programme,
    period: spec.period,
    amount_fen: spec.amountFen,
    explanation_json: spec.explanation,
    status: spec.status,
    method: spec.method,
    ...grantRecipient(crypto, file, spec.method),
    paid_at: null,
    failure_reason: null,
    signature_json: null,
    ledger_entry_id: null,
    created_at: spec.now,
    updated_at: spec.now,
    fiscal_year: spec.fiscalYear,
  };
}

/** A building refusal as a batch lists it (the file is skipped with the refusal's own message), else null. */
export function refusalText(e: unknown): string | null {
  if (!(e instanceof AppError)) return null;
  if (e.code !== 'FILE_NOT_IN_ARCHIVE' && e.code !== 'GRANT_NO_BANK_ACCOUNT') return null;
  return errorBody(e.code, e.details).error.message;
}
