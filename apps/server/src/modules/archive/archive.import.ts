import { createHash } from 'node:crypto';
import { HouseholdInputSchema } from '@bangfu/contracts';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { UnreadableFileError } from '../../platform/tabular/read.js';
import { type RawSheet, readWorkbook } from '../../platform/tabular/workbook.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as jobs from './archive.import.jobs.js';
import * as importRepo from './archive.import.repository.js';
import { toRows } from './archive.mapping.js';
import * as repo from './archive.repository.js';
import { parseId } from './archive.rules.js';
import { type Column, GRADE_COLUMN, HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, readCell, setPath } from './archive.sheet.js';

const CHUNK = 500;
const yieldToEventLoop = () => new Promise((r) => setImmediate(r));
type Problem = { column: string; problem: string };

/** A header cell as the template writes it may carry a required mark: '姓名*' is '姓名'. */
const cleanHeader = (h: string) => h.replace(/[*＊]+$/, '').trim();

function columnIndex(header: string[], columns: Column[]) {
  const clean = header.map(cleanHeader);
  return columns.map((c) => ({ c, i: clean.indexOf(c.header) }));
}

function readRow(cols: { c: Column; i: number }[], cells: string[], problems: Problem[]) {
  const out: Record<string, unknown> = {};
  for (const { c, i } of cols) {
    if (i < 0) continue;
    const r = readCell(c, cells[i] ?? '');
    if (r.problem) problems.push({ column: c.header, problem: r.problem });
    else if (r.value !== undefined) setPath(out, c.field, r.value);
  }
  return out;
}

/** The members sheet, grouped by the householder's 18-digit ID; problems are reported on the household row. */
function readMembers(sheet: RawSheet | undefined) {
  const byHolder = new Map<string, { members: Record<string, unknown>[]; problems: Problem[] }>();
  if (!sheet) return byHolder;
  const cols = columnIndex(sheet.rows[0] ?? [], MEMBER_COLUMNS);
  sheet.rows.slice(1).forEach((cells, k) => {
    if (!cells.some(Boolean)) return;
    const problems: Problem[] = [];
    const m = readRow(cols, cells, problems);
    const holder = parseId(String(m.holderId ?? ''));
    const key = holder.ok ? holder.id18 : String(m.holderId ?? '');
    const entry = byHolder.get(key) ?? { members: [], problems: [] };
    delete m.holderId;
    entry.members.push(m);
    for (const p of problems) entry.problems.push({ column: `家庭成员第${k + 2}行·${p.column}`, problem: p.problem });
    byHolder.set(key, entry);
  });
  return byHolder;
}

/**
 * Stage an import: read the file, create the batch, and validate its rows in chunks (yielding between chunks so
 * the server keeps answering). Returns at once with the batch id; progress is read with getImport.
 */
export async function stageImport(
  ctx: AppContext,
  actor: Actor,
  input: { buffer: Buffer; filename: string; orgId: number },
  opts: { wait?: boolean; onProgress?: (done: number, total: number) => void } = {},
) {
  require(actor, 'archive.write');
  const org = await orgRepo.findActiveOrThrow(new ScopedDb(ctx.db, actor.scope), input.orgId);
  let sheets: RawSheet[];
  try {
    sheets = await readWorkbook(input.buffer, input.filename);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new AppError('ARCHIVE_IMPORT_FORMAT', { reason: e.message });
    throw e;
  }
  const main = sheets.find((s) => s.name.includes('档案')) ?? sheets[0];
  if (!main) throw new AppError('ARCHIVE_IMPORT_FORMAT');
  const header = (main.rows[0] ?? []).map(cleanHeader);
  const missing = HOUSEHOLD_COLUMNS.filter((c) => c.required && !header.includes(c.header)).map((c) => c.header);
  if (missing.length) throw new AppError('ARCHIVE_IMPORT_COLUMNS', { missing: missing.join('、') });
  const rows = main.rows
    .map((cells, i) => ({ rowNo: i + 1, cells }))
    .slice(1)
    .filter((r) => r.cells.some(Boolean));
  const now = ctx.clock.now().toISOString();
  const where = { org_id: org.id, org_path: org.path, province_code: org.province_code };
  const id = await importRepo.insertBatch(ctx.db, {
    ...where,
    filename: input.filename.slice(0, 200),
    sha256: createHash('sha256').update(input.buffer).digest('hex'),
    status: 'validating',
    total: rows.length,
    processed: 0,
    valid: 0,
    invalid: 0,
    suspected: 0,
    committed: 0,
    error: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  const members = readMembers(sheets.find((s) => s !== main && s.name.includes('成员')));
  const cols = columnIndex(header, [...HOUSEHOLD_COLUMNS, GRADE_COLUMN]);
  jobs.claim(ctx, id);
  const work = validateRows(ctx, id, org.id, where, rows, cols, members, opts.onProgress)
    .catch(async (e: unknown) => {
      ctx.log.error({ err: e }, 'archive import validation failed');
      await importRepo.moveBatch(ctx.db, id, 'validating', { status: 'failed', error: String(e) });
    })
    .finally(() => jobs.release(ctx, id));
  if (opts.wait) await work;
  return { id };
}

async function validateRows(
  ctx: AppContext,
  importId: number,
  orgId: number,
  where: { org_id: number; org_path: string; province_code: string },
  rows: { rowNo: number; cells: string[] }[],
  cols: { c: Column; i: number }[],
  members: ReturnType<typeof readMembers>,
  onProgress?: (done: number, total: number) => void,
) {
  const seen = new Map<string, number>();
  const counts = { valid: 0, invalid: 0, suspected: 0 };
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const staged = chunk.map(({ rowNo, cells }) => {
      const problems: Problem[] = [];
      const raw = readRow(cols, cells, problems);
      const grade = raw.grade as string | undefined;
      delete raw.grade;
      const holder = parseId(String(raw.idNumber ?? ''));
      const m = holder.ok ? members.get(holder.id18) : undefined;
      if (m) problems.push(...m.problems);
      const parsed = HouseholdInputSchema.safeParse({ ...raw, orgId, members: m?.members ?? [] });
      let bidx: string | null = null;
      let memberBidxs: string[] = [];
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 5)) {
          const field = issue.path.join('.');
          const header = cols.find((x) => x.c.field === field)?.c.header ?? field;
          if (!problems.some((p) => p.column === header)) problems.push({ column: header, problem: issue.message });
        }
      } else if (problems.length === 0) {
        try {
          const rows = toRows(ctx, parsed.data);
          bidx = rows.household.id_bidx;
          memberBidxs = rows.members.flatMap((x) => (x.id_bidx ? [x.id_bidx] : []));
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const d = e.details as { field?: string; zh?: string } | undefined;
          problems.push({
            column: d?.field === 'idNumber' ? '身份证号' : '家庭成员·身份证号',
            problem: d?.zh ?? (e.code === 'ARCHIVE_DUPLICATE_MEMBER' ? '家庭成员身份证号重复' : e.code),
          });
        }
      }
      // 一人一档 inside the file: a person (worker or member) appears in one row only.
      for (const [b, column] of [
        ...(bidx ? [[bidx, '身份证号'] as const] : []),
        ...memberBidxs.map((b) => [b, '家庭成员·身份证号'] as const),
      ]) {
        const earlier = seen.get(b);
        if (earlier) problems.push({ column, problem: `与第${earlier}行是同一人` });
        else seen.set(b, rowNo);
      }
      return {
        rowNo,
        raw,
        parsed,
        grade,
        problems,
        bidx,
        memberBidxs,
        name: typeof raw.name === 'string' ? raw.name : null,
      };
    });
    // Who already holds an active file (as worker or member), anywhere: such rows cannot be imported (一人一档).
    const clean = staged.filter((s) => s.bidx && s.problems.length === 0);
    const holders = await repo.activePersonHolders(
      ctx.db,
      clean.flatMap((s) => [s.bidx as string, ...s.memberBidxs]),
    );
    const holderOf = new Map(holders.map((h) => [h.bidx, h.orgName]));
    for (const s of clean)
      for (const b of s.memberBidxs) {
        const heldBy = holderOf.get(b);
        if (heldBy) s.problems.push({ column: '家庭成员·身份证号', problem: `此人已在“${heldBy}”的有效档案中` });
      }
    // A file under the same name and birth date but another ID may be the same person with a mistyped ID.
    const keys = staged.filter((s) => s.parsed.success && s.problems.length === 0 && s.bidx && !holderOf.has(s.bidx));
    const similar = keys.length
      ? await importRepo.activeFilesNamed(ctx.db, [...new Set(keys.map((k) => k.name as string))])
      : [];
    const values = staged.map((s) => {
      const heldBy = s.bidx ? holderOf.get(s.bidx) : undefined;
      if (heldBy) s.problems.push({ column: '身份证号', problem: `此人已在“${heldBy}”建档` });
      let status = s.problems.length ? 'invalid' : 'valid';
      if (status === 'valid' && s.parsed.success) {
        const birth = parseId(s.parsed.data.idNumber);
        // Only the birth year is in clear: the full date is compared inside the (decrypted) ID of the few
        // files of the same name and year.
        const like = similar.find(
          (x) =>
            x.name === s.name &&
            birth.ok &&
            x.birth_year === Number(birth.birthDate.slice(0, 4)) &&
            ctx.crypto.decrypt(x.id_enc).slice(6, 14) === birth.id18.slice(6, 14),
        );
        if (like) {
          status = 'suspected';
          s.problems.push({ column: '姓名', problem: `疑似重复：“${like.org_name}”有同名同生日的档案，请人工确认` });
        }
      }
      counts[status as keyof typeof counts]++;
      return {
        import_id: importId,
        ...where,
        row_no: s.rowNo,
        status,
        name: s.name,
        problems_json: s.problems.length ? JSON.stringify(s.problems) : null,
        payload_enc:
          s.parsed.success && status !== 'invalid'
            ? ctx.crypto.encrypt(JSON.stringify({ input: s.parsed.data, grade: s.grade ?? null }))
            : null,
        household_id: null,
      };
    });
    await transaction(ctx, async (trx) => {
      await importRepo.insertRows(trx, values);
      await importRepo.updateBatch(trx, importId, {
        processed: start + chunk.length,
        ...counts,
        updated_at: ctx.clock.now().toISOString(),
      });
    });
    onProgress?.(start + chunk.length, rows.length);
    await yieldToEventLoop();
  }
  await importRepo.moveBatch(ctx.db, importId, 'validating', { status: 'ready' });
}

export {
  approveImport,
  cancelImport,
  commitImport,
  decideRow,
  getImport,
  importRows,
  resumeImport,
} from './archive.import.commit.js';
