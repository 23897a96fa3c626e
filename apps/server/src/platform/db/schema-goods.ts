import type { Generated } from 'kysely';
import type { TenantColumns } from './schema.js';

/** Goods and certificates (2026-11-23T1800_goods_certificates). */

/** One item's stock at one node; the database keeps quantity ≥ 0. */
export interface GoodsStockTable extends TenantColumns {
  id: Generated<number>;
  category: string;
  item_name: string;
  unit: string;
  quantity: number;
  updated_at: string;
}

/** Append-only movements of a node's stock, each with the balance after it. */
export interface GoodsMovementTable extends TenantColumns {
  id: Generated<number>;
  stock_id: number;
  /** in | out_household | transfer_out | transfer_in | write_off */
  kind: string;
  quantity: number;
  balance_after: number;
  moved_on: string;
  donor_name: string | null;
  donor_kind: string | null;
  value_fen: number | null;
  storage_place: string | null;
  household_id: number | null;
  recipient_name: string | null;
  id_mask: string | null;
  signed_name: string | null;
  /** 'self' or the family member's relation code (archive relations). */
  signer_relation: string | null;
  cadre: string | null;
  photo_attachment_id: number | null;
  counterpart_org_id: number | null;
  /** On a transfer_in: the transfer_out movement it mirrors. */
  transfer_of: number | null;
  reason: string | null;
  note: string | null;
  handler: string;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
}

/** 特困证 / 优待证, held by a household (tenant columns: the household's node when issued). */
export interface CertificateTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  kind: string;
  cert_no: string;
  /** active | revoked | superseded ('expired' is derived from valid_until). */
  status: string;
  holder_name: string;
  valid_from: string;
  valid_until: string;
  benefits: string;
  note: string | null;
  issuer_org_id: number;
  issuer_org_name: string;
  issued_by: number | null;
  issued_by_name: string;
  issued_at: string;
  renewed_from: number | null;
  superseded_by: number | null;
  revoked_at: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
  updated_at: string;
}
