import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * Assistance and money. Programme rules adopted per node (templates of packages/policy, versioned by effective
 * date); funds with their source and restriction (专款专用); a double-entry ledger (accounts per node, fund and
 * kind with a balance the database keeps ≥ 0; entries whose lines balance; append-only); budgets per programme
 * and year; disbursement batches and individual applications that produce grants; approvals (maker-checker).
 *
 * One household is never granted twice for the same programme and period: a partial unique index over the
 * grants that are live (proposed, approved, paid), so the database itself refuses a duplicate, across batches,
 * applications and the whole tree.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);
  const money = (c: any) => c.notNull().defaultTo(0);

  await tenant(table('programme_rule'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_rule_uq')
    .on('programme_rule')
    .columns(['org_id', 'template_id', 'version'])
    .unique()
    .execute();
  await db.schema.createIndex('programme_rule_path_idx').on('programme_rule').columns(['org_path']).execute();

  await tenant(table('fund'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('restricted_programme', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await tenant(table('ledger_account'))
    .addColumn('fund_id', t.bigint, (c) => c.notNull().references('fund.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('programme', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('balance_fen', t.bigint, (c) => money(c).check(sql`balance_fen >= 0`))
    .execute();
  await db.schema
    .createIndex('ledger_account_uq')
    .on('ledger_account')
    .columns(['org_id', 'fund_id', 'kind', 'programme'])
    .unique()
    .execute();

  await tenant(table('ledger_entry'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', t.bigint)
    .addColumn('total_fen', t.bigint, (c) => c.notNull().check(sql`total_fen > 0`))
    .addColumn('posted_by', t.bigint)
    .addColumn('posted_by_name', 'text', (c) => c.notNull())
    .addColumn('posted_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_entry_ref_idx').on('ledger_entry').columns(['ref_type', 'ref_id']).execute();

  await tenant(table('ledger_line'))
    .addColumn('entry_id', t.bigint, (c) => c.notNull().references('ledger_entry.id'))
    .addColumn('account_id', t.bigint, (c) => c.notNull().references('ledger_account.id'))
    .addColumn('fund_id', t.bigint, (c) => c.notNull().references('fund.id'))
    .addColumn('debit_fen', t.bigint, money)
    .addColumn('credit_fen', t.bigint, money)
    .addColumn('grant_id', t.bigint)
    .addCheckConstraint(
      'ledger_line_one_side',
      sql`debit_fen >= 0 and credit_fen >= 0 and ((debit_fen = 0) <> (credit_fen = 0))`,
    )
    .execute();
  await db.schema.createIndex('ledger_line_entry_idx').on('ledger_line').columns(['entry_id']).execute();
  await db.schema.createIndex('ledger_line_account_idx').on('ledger_line').columns(['account_id', 'id']).execute();
  await db.schema.createIndex('ledger_line_grant_idx').on('ledger_line').columns(['grant_id']).execute();

  await tenant(table('programme_budget'))
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', t.bigint, (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('updated_by', t.bigint)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_budget_uq')
    .on('programme_budget')
    .columns(['org_id', 'programme', 'year'])
    .unique()
    .execute();

  await tenant(table('disbursement_batch'))
    .addColumn('batch_no', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('rule_json', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('fund_id', t.bigint, (c) => c.references('fund.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_fen', t.bigint, money)
    .addColumn('grant_count', 'integer', money)
    .addColumn('skipped_json', 'text')
    .addColumn('progress_done', 'integer', money)
    .addColumn('progress_total', 'integer', money)
    .addColumn('required_level', 'text')
    .addColumn('required_org_id', t.bigint)
    .addColumn('created_by', t.bigint)
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disbursement_batch_scope_idx')
    .on('disbursement_batch')
    .columns(['org_path', 'status'])
    .execute();

  // Campaigns (送温暖, 金秋助学): organised by a node for its subtree; the key is the grants' period, so the
  // grants' unique index keeps a household to one entry per campaign across the tree.
  await tenant(table('campaign'))
    .addColumn('campaign_key', 'text', (c) => c.notNull().unique())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_path_idx').on('campaign').columns(['org_path', 'starts_on']).execute();

  await tenant(table('assistance_application'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('requested_fen', t.bigint)
    .addColumn('amount_fen', t.bigint, money)
    .addColumn('explanation_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('required_level', 'text')
    .addColumn('required_org_id', t.bigint)
    .addColumn('created_by', t.bigint)
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('campaign_id', t.bigint, (c) => c.references('campaign.id'))
    .addColumn('member_seq', 'integer')
    .addColumn('method', 'text')
    .addColumn('fund_id', t.bigint, (c) => c.references('fund.id'))
    .execute();
  await db.schema
    .createIndex('assistance_application_campaign_idx')
    .on('assistance_application')
    .columns(['campaign_id', 'status'])
    .execute();
  await db.schema
    .createIndex('assistance_application_scope_idx')
    .on('assistance_application')
    .columns(['org_path', 'status'])
    .execute();

  await tenant(table('assistance_grant'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('batch_id', t.bigint, (c) => c.references('disbursement_batch.id'))
    .addColumn('application_id', t.bigint, (c) => c.references('assistance_application.id'))
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('amount_fen', t.bigint, (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('explanation_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('id_mask', 'text', (c) => c.notNull())
    .addColumn('bank_enc', 'text')
    .addColumn('bank_mask', 'text')
    .addColumn('paid_at', t.timestamp)
    .addColumn('failure_reason', 'text')
    .addColumn('signature_json', 'text')
    .addColumn('ledger_entry_id', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    // The budget year it counts against: the period's year, or the campaign's.
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assistance_grant_budget_idx')
    .on('assistance_grant')
    .columns(['programme', 'fiscal_year', 'org_path'])
    .execute();
  // 不重复发放: one live grant per household, programme and period, anywhere in the country.
  await sql`create unique index assistance_grant_once_uq on assistance_grant (household_id, programme, period)
    where status in ('proposed', 'approved', 'paid')`.execute(db);
  await db.schema
    .createIndex('assistance_grant_batch_idx')
    .on('assistance_grant')
    .columns(['batch_id', 'id'])
    .execute();
  await db.schema
    .createIndex('assistance_grant_household_idx')
    .on('assistance_grant')
    .columns(['household_id', 'id'])
    .execute();

  await tenant(table('approval'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', t.bigint, (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor_id', t.bigint)
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approval_subject_idx').on('approval').columns(['subject_type', 'subject_id']).execute();

  // The ledger is append-only (corrections are reversing entries). In PostgreSQL every entry must also balance
  // at commit: a deferred constraint trigger, once per entry, compares its lines with its total. SQLite cannot
  // defer a check to commit; there postEntry's own check is what holds (and the trial balance reports any slip).
  if (t.pg) {
    await sql`create function ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the ledger is append-only'; end $$`.execute(db);
    for (const tbl of ['ledger_entry', 'ledger_line'])
      await sql`create trigger ${sql.raw(`${tbl}_no_change`)} before update or delete on ${sql.table(tbl)}
        for each row execute function ledger_append_only()`.execute(db);
    await sql`create function ledger_entry_balanced() returns trigger language plpgsql as $$
      declare d bigint; c bigint;
      begin
        select coalesce(sum(debit_fen), 0), coalesce(sum(credit_fen), 0) into d, c
          from ledger_line where entry_id = new.id;
        if d <> c or d <> new.total_fen then
          raise exception 'ledger entry % does not balance (debits %, credits %, total %)', new.id, d, c, new.total_fen;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create constraint trigger ledger_entry_balanced after insert on ledger_entry
      deferrable initially deferred for each row execute function ledger_entry_balanced()`.execute(db);
  } else {
    for (const tbl of ['ledger_entry', 'ledger_line']) {
      await sql`create trigger ${sql.raw(`${tbl}_no_update`)} before update on ${sql.table(tbl)}
        begin select raise(abort, 'the ledger is append-only'); end`.execute(db);
      await sql`create trigger ${sql.raw(`${tbl}_no_delete`)} before delete on ${sql.table(tbl)}
        begin select raise(abort, 'the ledger is append-only'); end`.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('The money migration cannot be reverted: restore a backup instead');
}
