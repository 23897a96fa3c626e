/**
 * Programme rule templates (DOMAIN.md "Assistance" and "Money"): each rule of a seed as a pure function plus
 * data, named after its source; a node adopts a template, adjusts its numbers and versions them by date.
 */
export * from './adopt.js';
export * from './approval.js';
export * from './campaign-education.js';
export * from './registry.js';
export * from './rounding.js';
export { type Grade, GradeSchema, type PerCapitaIncome, PerCapitaIncomeSchema } from './schemas.js';
export * from './seed000-p3-enterprise.js';
export * from './seed002-coalmine.js';
export * from './seed004-p1-living.js';
export * from './seed004-p1-medical.js';
export * from './seed004-p2-holiday.js';
export * from './seed004-p12-winter.js';
export * from './seed004-p19-holiday.js';
export type {
  ComputeContext,
  Escalation,
  EscalationLevel,
  ParamsVersion,
  ProgrammeExplanation,
  ProgrammeKind,
  ProgrammeMeta,
  ProgrammeResult,
  ProgrammeSource,
  ProgrammeStep,
  ProgrammeTemplate,
  StepKind,
} from './types.js';
