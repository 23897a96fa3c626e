import type { Programme } from '@bangfu/contracts';
import {
  type ParamsVersion,
  ProgrammeInputError,
  type ProgrammeResult,
  type ProgrammeTemplate,
  prepareProgramme,
  programmeTemplates,
} from '@bangfu/policy';
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

/**
 * A rule ready to run over many inputs (a batch, a what-if): params parsed once by @bangfu/policy's
 * prepareProgramme; a bad template, params or input becomes the AppError of the same code.
 */
export function runnerFor(
  templateId: string,
  params: unknown,
  version?: Partial<ParamsVersion>,
): (input: unknown) => ProgrammeResult<unknown> {
  const asAppError = (e: unknown): never => {
    if (e instanceof ProgrammeInputError) throw new AppError(e.code, { templateId, issues: e.issues });
    throw e;
  };
  let run: (input: unknown) => ProgrammeResult<unknown>;
  try {
    run = prepareProgramme(templateId, params, version);
  } catch (e) {
    return asAppError(e);
  }
  return (input) => {
    try {
      return run(input);
    } catch (e) {
      return asAppError(e);
    }
  };
}
