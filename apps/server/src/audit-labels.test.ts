import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every audit action the server writes has a Chinese and an English label on the audit page
 * (apps/web/src/i18n/audit/actions.*.ts, keyed by the action with its dots turned into underscores).
 * Checked on the sources, like layers.test.ts: the literals passed to appendAudit or to a module's audit helper,
 * and the expansions of the templated actions listed below (a new template fails until it is listed here).
 */
const src = import.meta.dirname;
const web = path.join(src, '../../web/src/i18n/audit');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [p] : [];
  });
}

const read = (f: string) => fs.readFileSync(f, 'utf8');
const all = (text: string, re: RegExp) =>
  [...text.matchAll(re)].flatMap((m) => m.slice(1).filter((g): g is string => g !== undefined));
const under = (dir: string) => files(path.join(src, dir)).map(read).join('\n');

/** Templated actions (`action: \`prefix${…}\``) and where their suffixes come from. */
const TEMPLATES: Record<string, () => string[]> = {
  'work_order.': () => all(under('modules/servicedesk'), /transition\(ctx, actor, id, '([a-z_]+)'/g),
  'legal_aid.': () => all(under('modules/legalaid'), /transition\(ctx, actor, id, '([a-z_]+)'/g),
  'archive.import.': () =>
    all(under('modules/archive'), /auditBatch\(ctx, trx, actor, (?:\{[^}]*\}|[^,]+), '([a-z_]+)'/g),
  'archive.': () =>
    ['archive.workflow.ts', 'archive.manage.ts'].flatMap((f) =>
      all(read(path.join(src, 'modules/archive', f)), /action: '([a-z_]+)'/g),
    ),
  'grant.': () => ['paid', 'failed'],
  // approvals/decide.ts and refusal.ts: `${subject type}.${decision}`.
  '${': () =>
    ['batch', 'application', 'campaign'].flatMap((t) =>
      ['approve', 'reject', 'refuse_payment'].map((d) => `${t}.${d}`),
    ),
};

function writtenActions(): { actions: Set<string>; templates: string[] } {
  const actions = new Set<string>();
  const templates: string[] = [];
  for (const f of files(src)) {
    const text = read(f);
    if (!text.includes('appendAudit(')) continue;
    // The literal, or both branches of a ternary: 'x.y' / cond ? 'x.y' : 'x.z'
    const literal = "(?:[^\\n,;]*?\\? )?'([a-z_]+(?:\\.[a-z_]+)+)'(?: : '([a-z_]+(?:\\.[a-z_]+)+)')?";
    // action: …
    for (const a of all(text, new RegExp(`\\baction: ${literal}`, 'g'))) actions.add(a);
    // A module's audit helper: audit(…, 'x.y', …) / auditX(…, 'x.y', …)
    for (const a of all(text, new RegExp(`\\baudit\\w*\\((?:[^;{']*?, )?${literal}`, 'g'))) actions.add(a);
    templates.push(...all(text, /\baction: `([^`$]*)\$\{/g).map((p) => p || '${'));
  }
  return { actions, templates };
}

function labelKeys(file: string): Set<string> {
  return new Set(all(read(path.join(web, file)), /^ {2}([a-z_]+): '[^']+',?$/gm));
}

describe('audit page labels', () => {
  const { actions, templates } = writtenActions();
  for (const t of templates) {
    const expand = TEMPLATES[t];
    if (expand) for (const s of expand()) actions.add(t === '${' ? s : `${t}${s}`);
  }

  it('every templated action is listed here with its expansions', () => {
    expect(templates.length).toBeGreaterThan(5);
    expect(templates.filter((t) => !TEMPLATES[t])).toEqual([]);
  });

  it.each(['actions.zh-CN.ts', 'actions.en.ts'])('%s labels every action the server writes', (file) => {
    expect(actions.size).toBeGreaterThan(100); // the scan finds the actions at all
    const keys = labelKeys(file);
    const missing = [...actions].filter((a) => !keys.has(a.replaceAll('.', '_'))).sort();
    expect(missing).toEqual([]);
  });
});
