import {
  type EligibilityPolicy,
  type HouseholdRuleInput,
  type MaritalStatus,
  proposeGrade,
  type Relation,
} from '@bangfu/policy';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import * as archiveRepo from '../archive/archive.repository.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { policyAt } from '../policy/policy.service.js';
import * as repo from './programmes.repository.js';
import { ruleAt } from './programmes.service.js';
import { allTemplates, programmeOf, runnerFor } from './programmes.templates.js';

const CHUNK = 1000;

export interface WhatIfInput {
  orgId: number;
  year: number;
  dibaoLineFen?: number;
  living?: { deepFen?: number; relativeFen?: number };
}

/**
 * What if a node changed its 低保 line or its living-relief standards? Every file in the archive under the node
 * is re-run through the pure rules twice (household and income test as on the file, members' 月收入 included),
 * as things stand and as changed, without saving anything: how many
 * files change grade or eligibility, and the year's living-relief cost before and after.
 */
export async function whatIf(ctx: AppContext, actor: Actor, input: WhatIfInput) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
  const date = `${input.year}-01-01`;
  const resolved = await policyAt(ctx.db, org.path, date);
  const current: EligibilityPolicy | null = resolved.ok ? resolved.policy : null;
  const changed: EligibilityPolicy | null =
    current && input.dibaoLineFen !== undefined ? { ...current, dibaoLineFen: input.dibaoLineFen } : current;
  const livingTemplate = allTemplates().find((t) => programmeOf(t) === 'living');
  const livingRule = livingTemplate ? await ruleAt(ctx.db, org.path, livingTemplate.id, date) : null;
  const curParams = livingTemplate?.paramsSchema.parse(livingRule?.params ?? {}) as
    | { annualFen: { deep: number; relative: number } }
    | undefined;
  const newParams = curParams && {
    ...curParams,
    annualFen: {
      deep: input.living?.deepFen ?? curParams.annualFen.deep,
      relative: input.living?.relativeFen ?? curParams.annualFen.relative,
    },
  };
  // Each rule parsed once, then run over every file.
  const living = (params: typeof curParams) => (livingTemplate && params ? runnerFor(livingTemplate.id, params) : null);
  const [runNow, runNew] = [living(curParams), living(newParams)];
  const annual = (run: typeof runNow, grade: string | null) => {
    if (!run || !grade) return 0;
    const r = run({ grade });
    return r.eligible ? r.amountFen : 0;
  };

  let files = 0;
  let gradeChanged = 0;
  let becameEligible = 0;
  let becameIneligible = 0;
  let costNow = 0;
  let costNew = 0;
  const transitions: Record<string, number> = {};
  let cursor = 0;
  for (;;) {
    const rows = await repo.archivedFilesAfter(sdb, org.path, cursor, CHUNK);
    if (rows.length === 0) break;
    cursor = Number(rows[rows.length - 1]?.id);
    const members = await archiveRepo.membersOf(
      sdb,
      rows.map((r) => Number(r.id)),
    );
    for (const f of rows) {
      files += 1;
      const details = JSON.parse(f.details_json) as {
        incomes?: Record<string, number>;
        exclusions?: Record<string, boolean>;
      };
      // The household as on the file, members' 月收入 included (the stored size and per-capita figure may predate
      // them: they are recomputed here, in memory, and never written back).
      const household: HouseholdRuleInput = {
        maritalStatus: f.marital_status as MaritalStatus,
        singleParent: f.single_parent === 1,
        members: (members.get(Number(f.id)) ?? []).map((m) => ({
          name: m.name,
          relation: m.relation as Relation,
          maritalStatus: (m.marital_status as MaritalStatus | null) ?? null,
          monthlyIncomeFen: Number(m.monthly_income_fen),
        })),
      };
      const input1 = { incomes: details.incomes ?? {}, household, exclusions: details.exclusions ?? null };
      const before = current ? proposeGrade(input1, current) : null;
      const after = changed ? proposeGrade(input1, changed) : null;
      const g0 = before ? before.grade : f.grade;
      const g1 = after ? after.grade : f.grade;
      if (g0 !== g1) {
        gradeChanged += 1;
        const key = `${g0 ?? 'none'}→${g1 ?? 'none'}`;
        transitions[key] = (transitions[key] ?? 0) + 1;
      }
      const e0 = before ? before.eligible : f.grade !== null;
      const e1 = after ? after.eligible : f.grade !== null;
      if (!e0 && e1) becameEligible += 1;
      if (e0 && !e1) becameIneligible += 1;
      costNow += annual(runNow, g0);
      costNew += annual(runNew, g1);
    }
    await new Promise((r) => setImmediate(r));
  }
  return {
    orgId: org.id,
    year: input.year,
    files,
    dibaoLineFen: { current: current?.dibaoLineFen ?? null, changed: changed?.dibaoLineFen ?? null },
    policyVersion: current ? { version: current.version, effectiveFrom: current.effectiveFrom } : null,
    livingRule: livingRule ? { templateId: livingRule.templateId, version: livingRule.version } : null,
    gradeChanged,
    becameEligible,
    becameIneligible,
    transitions,
    programmes: [
      {
        programme: 'living',
        year: input.year,
        currentFen: costNow,
        changedFen: costNew,
        differenceFen: costNew - costNow,
      },
    ],
  };
}
