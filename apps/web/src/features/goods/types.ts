/** What the goods routes answer (apps/server/src/modules/goods/goods.read.ts). */

export interface StockItem {
  stockId: number;
  orgId: number;
  orgName: string;
  category: string;
  categoryLabel: string;
  itemName: string;
  unit: string;
  quantity: number;
  updatedAt: string;
}

export interface SubtreeTotal {
  category: string;
  categoryLabel: string;
  itemName: string;
  unit: string;
  quantity: number;
  /** How many nodes of the subtree hold some. */
  nodes: number;
}

export interface StockView {
  orgId: number;
  orgName: string;
  items: StockItem[];
  subtreeTotals: SubtreeTotal[];
}

export interface Movement {
  id: number;
  kind: string;
  kindLabel: string;
  stockId: number;
  /** The node whose stock moved. */
  orgName: string;
  category: string;
  categoryLabel: string;
  itemName: string;
  unit: string;
  quantity: number;
  balanceAfter: number;
  movedOn: string;
  donor: { name: string; kind: string | null; kindLabel: string | null } | null;
  valueFen: number | null;
  storagePlace: string | null;
  household: { id: number; name: string | null; idMasked: string | null } | null;
  signedName: string | null;
  signerRelation: string | null;
  signerRelationLabel: string | null;
  cadre: string | null;
  photoAttachmentId: number | null;
  counterpart: { id: number; name: string | null } | null;
  transferOf: number | null;
  reason: string | null;
  note: string | null;
  handler: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface MovementFilters {
  from?: string;
  to?: string;
  kind?: string;
  item?: string;
  stockId?: number;
}

export interface SheetRow {
  seq: number;
  name: string;
  idMasked: string;
  item: string;
  quantity: number;
  unit: string;
  signedBy: string;
  date: string;
  cadre: string;
  movementId: number;
}

export interface HandoutSheet {
  orgId: number;
  orgName: string;
  rows: SheetRow[];
}

export interface HouseholdGoodsView {
  items: Movement[];
  totals: { itemName: string; unit: string; quantity: number }[];
}

export interface Moved {
  movementId: number;
  stockId: number;
  balance: number;
  signerRelation?: string;
}

export interface ReceiptInput {
  orgId: number;
  donorName: string;
  donorKind: string;
  category: string;
  itemName: string;
  unit: string;
  quantity: number;
  valueFen?: number;
  receivedOn: string;
  storagePlace?: string;
  note?: string;
  handler: string;
}

export interface HandoutInput {
  stockId: number;
  householdId: number;
  quantity: number;
  handedOn: string;
  signedName: string;
  cadre: string;
  photoAttachmentId?: number;
  note?: string;
}

export interface TransferInput {
  stockId: number;
  toOrgId: number;
  quantity: number;
  movedOn: string;
  handler: string;
  note?: string;
}

export interface WriteOffInput {
  stockId: number;
  quantity: number;
  movedOn: string;
  reason: string;
  handler: string;
}
