import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * Donated goods and certificates.
 *
 * Goods (物资登记、发放): `goods_stock` holds one row per node and item (category, name, unit) with its quantity,
 * which the database keeps ≥ 0 (CHECK; the service's update is guarded too). `goods_movement` is the ledger of
 * every change (in, out to a household, transfer out/in, write-off) with the balance after it: append-only,
 * refused by triggers on both dialects. A hand-out keeps who signed for it (the worker or a listed family
 * member, with the relation) and the cadre.
 *
 * Certificates (特困证 / 优待证): numbered per kind, province and year; one certificate of a kind is active per
 * household at a time — a partial unique index, so the database itself refuses a second one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);

  await tenant(table('goods_stock'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity', t.bigint, (c) => c.notNull().defaultTo(0).check(sql`quantity >= 0`))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('goods_stock_uq')
    .on('goods_stock')
    .columns(['org_id', 'category', 'item_name', 'unit'])
    .unique()
    .execute();
  await db.schema.createIndex('goods_stock_path_idx').on('goods_stock').columns(['org_path']).execute();

  await tenant(table('goods_movement'))
    .addColumn('stock_id', t.bigint, (c) => c.notNull().references('goods_stock.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('in', 'out_household', 'transfer_out', 'transfer_in', 'write_off')`),
    )
    .addColumn('quantity', t.bigint, (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('balance_after', t.bigint, (c) => c.notNull().check(sql`balance_after >= 0`))
    .addColumn('moved_on', 'text', (c) => c.notNull())
    .addColumn('donor_name', 'text')
    .addColumn('donor_kind', 'text')
    .addColumn('value_fen', t.bigint, (c) => c.check(sql`value_fen >= 0`))
    .addColumn('storage_place', 'text')
    .addColumn('household_id', t.bigint, (c) => c.references('household.id'))
    .addColumn('recipient_name', 'text')
    .addColumn('id_mask', 'text')
    .addColumn('signed_name', 'text')
    .addColumn('signer_relation', 'text')
    .addColumn('cadre', 'text')
    .addColumn('photo_attachment_id', t.bigint, (c) => c.references('household_attachment.id'))
    .addColumn('counterpart_org_id', t.bigint, (c) => c.references('org_node.id'))
    .addColumn('transfer_of', t.bigint, (c) => c.references('goods_movement.id'))
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('handler', 'text', (c) => c.notNull())
    .addColumn('created_by', t.bigint)
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint(
      'goods_movement_handout_signed',
      sql`kind <> 'out_household' or (household_id is not null and signed_name is not null and cadre is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('goods_movement_scope_idx')
    .on('goods_movement')
    .columns(['org_path', 'moved_on'])
    .execute();
  await db.schema.createIndex('goods_movement_stock_idx').on('goods_movement').columns(['stock_id', 'id']).execute();
  await db.schema
    .createIndex('goods_movement_household_idx')
    .on('goods_movement')
    .columns(['household_id', 'id'])
    .execute();

  await tenant(table('certificate'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('tekun', 'youdai')`))
    .addColumn('cert_no', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'revoked', 'superseded')`))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('benefits', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('issuer_org_id', t.bigint, (c) => c.notNull().references('org_node.id'))
    .addColumn('issuer_org_name', 'text', (c) => c.notNull())
    .addColumn('issued_by', t.bigint)
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .addColumn('renewed_from', t.bigint, (c) => c.references('certificate.id'))
    .addColumn('superseded_by', t.bigint, (c) => c.references('certificate.id'))
    .addColumn('revoked_at', t.timestamp)
    .addColumn('revoked_by_name', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('certificate_validity', sql`valid_until > valid_from`)
    .execute();
  // One active certificate of a kind per household, whoever issues it.
  await sql`create unique index certificate_active_uq on certificate (household_id, kind)
    where status = 'active'`.execute(db);
  await db.schema
    .createIndex('certificate_scope_idx')
    .on('certificate')
    .columns(['org_path', 'status', 'valid_until'])
    .execute();
  await db.schema.createIndex('certificate_household_idx').on('certificate').columns(['household_id', 'id']).execute();

  // Goods movements are a ledger: append-only. A correction is a new movement (a write-off, a new receipt).
  if (t.pg) {
    await sql`create function goods_movement_append_only() returns trigger language plpgsql as $$
      begin raise exception 'goods movements are append-only'; end $$`.execute(db);
    await sql`create trigger goods_movement_no_change before update or delete on goods_movement
      for each row execute function goods_movement_append_only()`.execute(db);
  } else {
    await sql`create trigger goods_movement_no_update before update on goods_movement
      begin select raise(abort, 'goods movements are append-only'); end`.execute(db);
    await sql`create trigger goods_movement_no_delete before delete on goods_movement
      begin select raise(abort, 'goods movements are append-only'); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The goods and certificates migration cannot be reverted: restore a backup instead');
}
