/**
 * The template registry: every programme rule by its stable id (seed + part + rule). A node adopts a template by
 * id with its own params (adopt.ts); the server lists, validates and runs them from here.
 *
 * Ids are stable: a rule's numbers change through params versions, never by renaming the template. A new reading
 * of a seed gets a new id.
 */
import type { Bilingual } from '../household.js';
import { educationTemplate } from './campaign-education.js';
import {
  enterpriseApprovalTemplate,
  enterpriseDisasterTemplate,
  enterpriseIllnessTemplate,
} from './seed000-p3-enterprise.js';
import { coalmineIllnessTemplate, mutualMedicalTemplate, rehabilitationTemplate } from './seed002-coalmine.js';
import { livingTemplate } from './seed004-p1-living.js';
import { accidentQualificationTemplate, medicalTemplate } from './seed004-p1-medical.js';
import { townHolidayTemplate } from './seed004-p2-holiday.js';
import { winterTemplate } from './seed004-p12-winter.js';
import { cityHolidayTemplate } from './seed004-p19-holiday.js';
import type { ComputeContext, ParamsVersion, ProgrammeResult, ProgrammeTemplate } from './types.js';

export const programmeTemplates = {
  'seed004.p1.living': livingTemplate,
  'seed004.p1.medical': medicalTemplate,
  'seed004.p1.accident-qualification': accidentQualificationTemplate,
  'seed004.p12.winter': winterTemplate,
  'seed004.p2.holiday': townHolidayTemplate,
  'seed004.p19.holiday': cityHolidayTemplate,
  'seed000.p3.illness': enterpriseIllnessTemplate,
  'seed000.p3.disaster': enterpriseDisasterTemplate,
  'seed000.p3.approval': enterpriseApprovalTemplate,
  'seed002.illness': coalmineIllnessTemplate,
  'seed002.mutual-medical': mutualMedicalTemplate,
  'seed002.rehabilitation': rehabilitationTemplate,
  'campaign.education': educationTemplate,
} as const;

export type ProgrammeTemplateId = keyof typeof programmeTemplates;
export const PROGRAMME_TEMPLATE_IDS = Object.keys(programmeTemplates) as ProgrammeTemplateId[];

export function isProgrammeTemplateId(id: string): id is ProgrammeTemplateId {
  return Object.hasOwn(programmeTemplates, id);
}

/** The template with this id, or null. */
export function getProgrammeTemplate(id: string): ProgrammeTemplate | null {
  return isProgrammeTemplateId(id) ? (programmeTemplates[id] as unknown as ProgrammeTemplate) : null;
}

export class ProgrammeInputError extends Error {
  constructor(
    readonly code: 'PROGRAMME_TEMPLATE_UNKNOWN' | 'PROGRAMME_PARAMS_INVALID' | 'PROGRAMME_INPUT_INVALID',
    readonly text: Bilingual,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(`${code}: ${text.en}`);
  }
}

const issuesOf = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/**
 * Parse a node's params once and get a runner for many inputs ("what if" over thousands of files): unknown JSON
 * in, validated and defaulted through the template's schemas, result out. Throws ProgrammeInputError.
 */
export function prepareProgramme(
  templateId: string,
  rawParams: unknown,
  paramsVersion?: Partial<ParamsVersion>,
): (rawInput: unknown) => ProgrammeResult<unknown> {
  const t = getProgrammeTemplate(templateId);
  if (!t) {
    throw new ProgrammeInputError('PROGRAMME_TEMPLATE_UNKNOWN', {
      zh: `未知的帮扶项目模板：${templateId}`,
      en: `Unknown programme template: ${templateId}`,
    });
  }
  const p = t.paramsSchema.safeParse(rawParams ?? {});
  if (!p.success) {
    throw new ProgrammeInputError(
      'PROGRAMME_PARAMS_INVALID',
      { zh: `${templateId}的参数无效`, en: `Invalid params for ${templateId}` },
      issuesOf(p.error),
    );
  }
  const ctx: ComputeContext = { paramsVersion };
  return (rawInput) => {
    const i = t.inputSchema.safeParse(rawInput);
    if (!i.success) {
      throw new ProgrammeInputError(
        'PROGRAMME_INPUT_INVALID',
        { zh: `${templateId}的输入无效`, en: `Invalid input for ${templateId}` },
        issuesOf(i.error),
      );
    }
    return t.compute(p.data, i.data, ctx);
  };
}
