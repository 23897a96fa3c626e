import { createHash } from 'node:crypto';
import { DivisionCodeSchema, type OrgImportResult, type OrgType, orgTypeLabels, orgTypes } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { pinyinSortKey } from '../../platform/pinyin.js';
import { toCsv, UnreadableFileError } from '../../platform/tabular/read.js';
import { readSheet } from '../../platform/tabular/workbook.js';
import { provinceCodeFor, typeFits } from './orgs.policy.js';
import * as repo from './orgs.repository.js';

/** The import layout: 单位名称 | 类型 | 行政区划代码 | 上级单位 (the parent's division code or its name). */
export const IMPORT_COLUMNS = { name: '单位名称', type: '类型', code: '行政区划代码', parent: '上级单位' } as const;
const ALIASES: Record<keyof typeof IMPORT_COLUMNS, string[]> = {
  name: ['单位名称', '名称', 'name'],
  type: ['类型', '组织类型', 'type'],
  code: ['行政区划代码', '区划代码', 'division_code', 'divisionCode'],
  parent: ['上级单位', '上级', 'parent'],
};

/** Type names users write: the code, the label, or a common short form. */
const TYPE_WORDS = new Map<string, OrgType>();
for (const t of orgTypes) {
  TYPE_WORDS.set(t, t);
  TYPE_WORDS.set(orgTypeLabels[t].zh, t);
}
for (const [w, t] of Object.entries({
  全国: 'national',
  全总: 'national',
  省: 'province',
  省总: 'province',
  市: 'city',
  市总: 'city',
  县: 'county',
  区: 'county',
  县区: 'county',
  县级: 'county',
  乡镇: 'street',
  街道: 'street',
  乡镇街道: 'street',
  企业: 'enterprise',
  社区: 'community',
  服务站: 'station',
  工作站: 'station',
  帮扶站: 'station',
} as Record<string, OrgType>))
  TYPE_WORDS.set(w, t);

interface Planned {
  key: number;
  row: number;
  name: string;
  type: OrgType;
  code: string | null;
  parent: { existing: repo.OrgRow } | { planned: Planned };
}

export async function importOrgs(
  ctx: AppContext,
  actor: Actor,
  input: { buffer: Buffer; filename: string; parentId?: number; dryRun?: boolean },
): Promise<OrgImportResult> {
  require(actor, 'org.write');
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(input.buffer, input.filename);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new AppError('ORG_IMPORT_FORMAT', { reason: e.message });
    throw e;
  }
  const col = Object.fromEntries(
    Object.entries(ALIASES).map(([k, names]) => [k, sheet.header.findIndex((h) => names.includes(h))]),
  ) as Record<keyof typeof IMPORT_COLUMNS, number>;
  const missing = (['name', 'type'] as const).filter((k) => col[k] < 0);
  if (missing.length)
    throw new AppError('ORG_IMPORT_INVALID', {
      errors: missing.map((k) => ({
        row: 1,
        column: IMPORT_COLUMNS[k],
        message: `缺少列“${IMPORT_COLUMNS[k]}” / missing column`,
      })),
    });

  const sdb = new ScopedDb(ctx.db, actor.scope);
  const root = await repo.findById(sdb, input.parentId ?? actor.scope.orgId);
  if (!root) throw new AppError('ORG_NOT_FOUND', { id: input.parentId });
  // Everything the file may refer to: the subtree under the import root, by code and by name.
  const byCode = new Map<string, repo.OrgRow | Planned>();
  const byName = new Map<string, (repo.OrgRow | Planned)[]>();
  const siblings = new Set<string>();
  const index = (n: repo.OrgRow | Planned, parentKey: string) => {
    const code = 'row' in n ? n.code : n.division_code;
    if (code) byCode.set(code, n);
    byName.set(n.name, [...(byName.get(n.name) ?? []), n]);
    siblings.add(`${parentKey}\u0000${n.name}`);
  };
  for (let after = ''; ; ) {
    const page = await repo.subtree(new ScopedDb(ctx.db, { ...actor.scope, path: root.path }), after);
    for (const r of page) index(r, `e${r.parent_id}`);
    if (page.length < 5000) break;
    after = page[page.length - 1]?.path ?? '';
  }
  const codesInFile = sheet.rows.map((r) => r.cells[col.code] ?? '').filter(Boolean);
  const takenElsewhere = await repo.codesTaken(ctx.db, codesInFile);

  const errors: OrgImportResult['errors'] = [];
  const planned: Planned[] = [];
  const err = (row: number, column: string, message: string) => errors.push({ row, column, message });
  for (const { row, cells } of sheet.rows) {
    const name = cells[col.name] ?? '';
    const typeWord = cells[col.type] ?? '';
    const code = col.code >= 0 && cells[col.code] ? (cells[col.code] as string) : null;
    const parentRef = col.parent >= 0 ? (cells[col.parent] ?? '') : '';
    let bad = false;
    if (!name || name.length > 100)
      bad = !!err(row, IMPORT_COLUMNS.name, '单位名称必填，最长100字 / name required, at most 100 characters');
    const type = TYPE_WORDS.get(typeWord);
    if (!type) bad = !!err(row, IMPORT_COLUMNS.type, `无法识别的类型“${typeWord}” / unknown type`);
    if (code && !DivisionCodeSchema.safeParse(code).success)
      bad = !!err(row, IMPORT_COLUMNS.code, '行政区划代码应为6、9或12位数字 / division code must be 6, 9 or 12 digits');
    else if (code && (byCode.has(code) || takenElsewhere.has(code)))
      bad = !!err(row, IMPORT_COLUMNS.code, `行政区划代码 ${code} 已被使用 / division code already used`);
    if (type === 'province' && !code)
      bad = !!err(row, IMPORT_COLUMNS.code, '省级工会须填写行政区划代码 / a province needs its division code');
    let parent: Planned['parent'] | undefined = { existing: root };
    if (parentRef) {
      const candidates = byCode.has(parentRef) ? [byCode.get(parentRef)!] : (byName.get(parentRef) ?? []);
      if (candidates.length !== 1) {
        parent = undefined;
        bad = !!err(
          row,
          IMPORT_COLUMNS.parent,
          candidates.length === 0
            ? `找不到上级单位“${parentRef}”（须在本行之前或已存在） / parent not found (must come earlier or exist)`
            : `上级单位“${parentRef}”重名，请改用行政区划代码 / parent name is ambiguous, use its division code`,
        );
      } else {
        const c = candidates[0]!;
        parent = 'row' in c ? { planned: c } : { existing: c };
      }
    }
    if (parent && type) {
      const parentType = ('existing' in parent ? parent.existing.type : parent.planned.type) as OrgType;
      const parentKey = 'existing' in parent ? `e${parent.existing.id}` : `p${parent.planned.key}`;
      if (!typeFits(type, parentType, []))
        bad = !!err(row, IMPORT_COLUMNS.type, '与上级单位类型不匹配 / type cannot sit under that parent');
      else if (siblings.has(`${parentKey}\u0000${name}`))
        bad = !!err(row, IMPORT_COLUMNS.name, '同一上级下已有同名单位 / duplicate name under the same parent');
      if (!bad) {
        const p: Planned = { key: planned.length, row, name, type, code, parent };
        planned.push(p);
        index(p, parentKey);
      }
    }
  }
  if (errors.length)
    throw new AppError('ORG_IMPORT_INVALID', { errors: errors.slice(0, 1000), errorCount: errors.length });
  if (input.dryRun || planned.length === 0) return { created: input.dryRun ? planned.length : 0, errors: [] };

  await transaction(ctx, async (trx) => {
    const ids = await repo.reserveIds(trx, planned.length);
    const now = ctx.clock.now().toISOString();
    const made: repo.OrgRow[] = [];
    for (const p of planned) {
      const parent = 'existing' in p.parent ? p.parent.existing : made[p.parent.planned.key]!;
      const id = ids[p.key]!;
      made.push({
        id,
        parent_id: parent.id,
        name: p.name,
        type: p.type,
        division_code: p.code,
        status: 'active',
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        province_code: provinceCodeFor(p.type, p.code, parent.province_code),
        sort_key: pinyinSortKey(p.name),
        created_at: now,
        updated_at: now,
      });
    }
    await repo.insertMany(trx, made);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'org.import',
      entityType: 'org',
      entityId: root.id,
      orgPath: root.path,
      chain: root.province_code,
      after: {
        file: input.filename,
        sha256: createHash('sha256').update(input.buffer).digest('hex'),
        created: made.length,
        firstId: made[0]?.id,
        lastId: made[made.length - 1]?.id,
      },
    });
  });
  return { created: planned.length, errors: [] };
}

/** The caller's subtree in the import layout plus ID and status, in path order. */
export async function exportOrgsCsv(ctx: AppContext, actor: Actor): Promise<string> {
  require(actor, 'org.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const byId = new Map<number, repo.OrgRow>();
  const rows: unknown[][] = [];
  for (let after = ''; ; ) {
    const page = await repo.subtree(sdb, after);
    for (const r of page) {
      byId.set(Number(r.id), r);
      const parent = r.parent_id === null ? undefined : byId.get(Number(r.parent_id));
      rows.push([
        r.name,
        orgTypeLabels[r.type as OrgType]?.zh ?? r.type,
        r.division_code ?? '',
        parent ? (parent.division_code ?? parent.name) : '',
        r.id,
        r.status === 'active' ? '在用' : '停用',
      ]);
    }
    if (page.length < 5000) break;
    after = page[page.length - 1]?.path ?? '';
  }
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'org.export',
      entityType: 'org',
      entityId: actor.scope.orgId,
      orgPath: actor.scope.path,
      chain: actor.scope.provinceCode,
      after: { rows: rows.length },
    }),
  );
  return toCsv(
    [IMPORT_COLUMNS.name, IMPORT_COLUMNS.type, IMPORT_COLUMNS.code, IMPORT_COLUMNS.parent, 'ID', '状态'],
    rows,
  );
}
