import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import * as foundation from '../../db/migrations/2026-11-23T1400_foundation.js';
import * as archive from '../../db/migrations/2026-11-23T1500_archive.js';
import * as income from '../../db/migrations/2026-11-23T1600_income.js';
import * as money from '../../db/migrations/2026-11-23T1700_money.js';
import * as goodsCertificates from '../../db/migrations/2026-11-23T1800_goods_certificates.js';
import * as archiveImportApproval from '../../db/migrations/2026-11-30T1100_archive_import_approval.js';
import * as identity from '../../db/migrations/2026-11-30T1200_identity.js';
import * as masksAtRest from '../../db/migrations/2026-11-30T1300_masks_at_rest.js';
import * as keyCheck from '../../db/migrations/2026-11-30T1400_key_check.js';
import * as movesCarryRows from '../../db/migrations/2026-11-30T1500_moves_carry_rows.js';
import * as changeRequests from '../../db/migrations/2026-11-30T1600_change_requests.js';
import * as yearlyReview from '../../db/migrations/2026-11-30T1700_yearly_review.js';
import * as moneyCore from '../../db/migrations/2026-11-30T1800_money_core.js';
import * as rightsDesk from '../../db/migrations/2026-11-30T1900_rights_desk.js';
import * as approvalBodies from '../../db/migrations/2026-11-30T2000_approval_bodies.js';
import * as legalAid from '../../db/migrations/2026-11-30T2100_legal_aid.js';
import * as moneyNotice from '../../db/migrations/2026-11-30T2200_money_notice.js';
import type { Db } from './connect.js';

/** Every migration, in order. Names are timestamped and descriptive; app and tests run the same list. */
export const migrations: Record<string, Migration> = {
  '2026-11-23T1400_foundation': foundation,
  '2026-11-23T1500_archive': archive,
  '2026-11-23T1600_income': income,
  '2026-11-23T1700_money': money,
  '2026-11-23T1800_goods_certificates': goodsCertificates,
  '2026-11-30T1100_archive_import_approval': archiveImportApproval,
  '2026-11-30T1200_identity': identity,
  '2026-11-30T1300_masks_at_rest': masksAtRest,
  '2026-11-30T1400_key_check': keyCheck,
  '2026-11-30T1500_moves_carry_rows': movesCarryRows,
  '2026-11-30T1600_change_requests': changeRequests,
  '2026-11-30T1700_yearly_review': yearlyReview,
  '2026-11-30T1800_money_core': moneyCore,
  '2026-11-30T1900_rights_desk': rightsDesk,
  '2026-11-30T2000_approval_bodies': approvalBodies,
  '2026-11-30T2100_legal_aid': legalAid,
  '2026-11-30T2200_money_notice': moneyNotice,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: new StaticProvider(), migrationTableName: 'schema_migration' });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The name of the newest applied migration, or null on an empty database. */
export async function currentMigration(db: Db): Promise<string | null> {
  try {
    const row = await sql<{ name: string }>`select name from schema_migration order by name desc limit 1`.execute(db);
    return row.rows[0]?.name ?? null;
  } catch {
    return null;
  }
}
