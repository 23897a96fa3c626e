import type { Programme } from '@bangfu/contracts';
import { type ProgrammeTemplate, programmeTemplates } from '@bangfu/policy';
import { AppError } from '../../platform/errors.js';

/**
 * The programme templates of @bangfu/policy as the server uses them: looked up by id, with the paying
 * programme each computes for (templates that only decide, like approval chains, pay none).
 */
const PROGRAMME_OF_KIND: Record<string, Programme | null> = {
  living: 'living',
  medical: 'medical',
  enterprise_illness: 'enterprise_illness',
  disaster: 'disaster',
  winter: 'winter',
  holiday: 'holiday',
  education: 'education',
  mutual_medical: 'medical',
  rehabilitation: 'medical',
  qualification: null,
  approval: null,
};

export const APPROVAL_KIND = 'approval';

export function allTemplates(): ProgrammeTemplate[] {
  return Object.values(programmeTemplates) as ProgrammeTemplate[];
}

export function templateById(id: string): ProgrammeTemplate {
  const t = (programmeTemplates as Record<string, ProgrammeTemplate | undefined>)[id];
  if (!t) throw new AppError('PROGRAMME_TEMPLATE_UNKNOWN', { templateId: id });
  return t;
}

export function programmeOf(t: ProgrammeTemplate): Programme | null {
  return PROGRAMME_OF_KIND[t.kind] ?? null;
}
