import type { NoticeSubjectType } from '@bangfu/contracts';
import { programmes } from '@bangfu/contracts';
import type { TenantTable } from '../../platform/db/schema.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { mustFindApplication } from '../assistance/application.subject.js';
import * as assistanceRepo from '../assistance/assistance.repository.js';
import * as batchRepo from '../disbursement/batch.repository.js';
import { mustFindBatch } from '../disbursement/batch.subject.js';
import * as grantRepo from '../grants/grants.repository.js';

/** A name as the public notice shows it: the middle masked (张*, 张*丰, 欧阳**锋). */
export function maskName(name: string): string {
  const c = [...name.trim()];
  if (c.length <= 1) return c.join('');
  if (c.length === 2) return `${c[0]}*`;
  return `${c[0]}${'*'.repeat(c.length - 2)}${c[c.length - 1]}`;
}

/** An ID as the public notice shows it: its last four only. */
export const maskIdLast4 = (idMask: string | null) => (idMask ? `**************${idMask.slice(-4)}` : '');

interface Recipient {
  name: string;
  idMask: string | null;
  orgId: number;
  amountFen: number;
}

/** What a notice is about, read through the caller's scope (a sibling's subject is 404). */
export interface NoticeSubject {
  type: NoticeSubjectType;
  id: number;
  /** The row to lock first (the subject's own table), before the notice. */
  table: TenantTable;
  node: { org_id: number; org_path: string; province_code: string };
  title: string;
  programme: string;
  recipients(): Promise<Recipient[]>;
}

const programmeZh = (p: string) => programmes.zh[p as keyof typeof programmes.zh] ?? p;

/** The live grant of each application, else (an amount set at decision) the household with its amount. */
type Entry = assistanceRepo.ApplicationRow & { household_name: string; household_id_mask: string };
async function entriesOf(sdb: ScopedDb, apps: Entry[]) {
  const out: Recipient[] = [];
  for (const a of apps) {
    const g = await grantRepo.grantOfApplication(sdb, Number(a.id));
    if (g && g.status === 'void') continue;
    out.push({
      name: g?.recipient_name ?? a.household_name,
      idMask: g?.id_mask ?? a.household_id_mask,
      orgId: Number(a.org_id),
      amountFen: Number(g?.amount_fen ?? a.amount_fen),
    });
  }
  return out;
}

export async function loadSubject(sdb: ScopedDb, type: NoticeSubjectType, id: number): Promise<NoticeSubject> {
  if (type === 'batch') {
    const b = await mustFindBatch(sdb, id);
    return {
      type,
      id,
      table: 'disbursement_batch',
      node: b,
      title: `${b.batch_no} ${b.title}`,
      programme: programmeZh(b.programme),
      async recipients() {
        const grants = await grantRepo.allGrantsOfBatch(sdb, id);
        return grants
          .filter((g) => g.status !== 'void')
          .map((g) => ({
            name: g.recipient_name,
            idMask: g.id_mask,
            orgId: Number(g.org_id),
            amountFen: g.amount_fen,
          }));
      },
    };
  }
  if (type === 'application') {
    const a = await mustFindApplication(sdb, id);
    return {
      type,
      id,
      table: 'assistance_application',
      node: a,
      title: `${programmeZh(a.programme)} ${a.period}`,
      programme: programmeZh(a.programme),
      recipients: () => (a.status === 'rejected' ? Promise.resolve([]) : entriesOf(sdb, [a])),
    };
  }
  const c = await assistanceRepo.findCampaign(sdb, id);
  if (!c) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
  return {
    type,
    id,
    table: 'campaign',
    node: c,
    title: c.title,
    programme: programmeZh(c.programme),
    async recipients() {
      const { rows } = await assistanceRepo.listApplications(sdb, {
        path: c.org_path,
        campaignId: id,
        limit: 10_000,
        offset: 0,
      });
      const live = rows.filter((r) => r.status !== 'rejected').sort((x, y) => Number(x.id) - Number(y.id));
      return entriesOf(sdb, live as Entry[]);
    },
  };
}

export const unitNames = batchRepo.orgNames;
