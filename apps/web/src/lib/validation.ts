import { passwordProblems } from '@bangfu/contracts';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { ZodType } from 'zod';
import { type Lang, pickBilingual } from '../i18n';

/** An antd form rule from a contracts zod schema (its bilingual message in the current language). */
export function zodRule(schema: ZodType, lang: Lang): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(pickBilingual(r.error.issues[0]?.message ?? '', lang));
    },
  };
}

/** The password policy of contracts (`passwordProblems`) as an antd rule. */
export function passwordRule(t: TFunction, username: () => string | undefined): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const problems = passwordProblems(value, username());
      if (problems.length) throw new Error(problems.map((p) => t(`password.problem.${p}`)).join('；'));
    },
  };
}
