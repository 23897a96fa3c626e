import type { EligibilityPolicyInput, HouseholdInput } from '@bangfu/contracts';
import {
  ALL_EXCLUSIONS,
  checkPolicy,
  eligibilityPolicy,
  type GradeProposal,
  proposeGrade,
  resolvePolicy,
} from '@bangfu/policy';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { householdRuleInput } from '../archive/archive.rules.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './policy.repository.js';

/** The policy in force at a node on a date: its own latest version in force, else inherited (packages/policy). */
export async function policyAt(db: Db, orgPath: string, date: string) {
  const { ids, rows } = await repo.versionsOnPath(db, orgPath);
  const chain = [...ids]
    .reverse()
    .map((nodeId) => ({ nodeId, versions: rows.filter((r) => r.orgId === nodeId).map((r) => r.policy) }));
  return resolvePolicy(chain, date);
}

/** A node adopts a new version of its eligibility policy (validated; audited). */
export async function adoptPolicy(ctx: AppContext, actor: Actor, input: EligibilityPolicyInput) {
  require(actor, 'policy.write');
  return transaction(ctx, async (trx) => {
    const org = await orgRepo.findActiveOrThrow(new ScopedDb(trx, actor.scope), input.orgId);
    const version = await repo.nextVersion(trx, org.id);
    const { orgId: _o, exclusions, ...rest } = input;
    const policy = eligibilityPolicy({
      ...rest,
      exclusions: {
        ...ALL_EXCLUSIONS,
        ...Object.fromEntries(Object.entries(exclusions).filter(([, v]) => v !== undefined)),
      },
      policyId: `org-${org.id}`,
      version,
      legacyLines: input.legacyLines ?? null,
      housingAreaPerCapitaM2: input.housingAreaPerCapitaM2 ?? null,
      source: input.source ?? undefined,
    });
    const problems = checkPolicy(policy);
    if (problems.length) throw new AppError('POLICY_INVALID', { problems });
    const now = ctx.clock.now().toISOString();
    await repo.insert(trx, {
      org_id: org.id,
      org_path: org.path,
      province_code: org.province_code,
      version,
      effective_from: input.effectiveFrom,
      data_json: JSON.stringify(policy),
      created_by: actor.userId,
      created_at: now,
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'policy.adopt',
      entityType: 'eligibility_policy',
      entityId: `${org.id}/${version}`,
      orgPath: org.path,
      chain: org.province_code,
      after: policy,
    });
    return policy;
  });
}

export async function getPolicyAt(ctx: AppContext, actor: Actor, orgId: number, date?: string) {
  require(actor, 'policy.read');
  const org = await orgRepo.findActiveOrThrow(new ScopedDb(ctx.db, actor.scope), orgId);
  const day = date ?? ctx.clock.today();
  const resolved = await policyAt(ctx.db, org.path, day);
  const own = await repo.versionsOf(new ScopedDb(ctx.db, actor.scope), orgId);
  return {
    date: day,
    resolved,
    ownVersions: own.map((v) => ({ ...JSON.parse(v.data_json), createdAt: v.created_at })),
  };
}

/** The grade the system proposes for a household under the policy in force at its node today, with why. */
export async function proposeFor(
  db: Db,
  orgPath: string,
  date: string,
  input: HouseholdInput,
): Promise<GradeProposal | null> {
  const resolved = await policyAt(db, orgPath, date);
  if (!resolved.ok) return null;
  return proposeGrade(
    {
      incomes: input.incomes,
      household: householdRuleInput(input),
      exclusions: input.exclusions,
    },
    resolved.policy,
  );
}
