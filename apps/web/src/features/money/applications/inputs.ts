import { systemInputFields } from '@bangfu/contracts';
import { programmeTemplates } from '@bangfu/policy';
import { fenOf } from '../money';

/**
 * What a template asks for (its zod input schema, from @bangfu/policy, as JSON Schema): the application form is
 * drawn from it. Money (`…Fen`) is typed in 元; the household's grade is the file's, filled in by the server.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: (string | number | null)[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

/** Fields the server fills in from the file and its grants (an application cannot supply them). */
export const FROM_FILE = new Set<string>(systemInputFields);

export function inputSchemaOf(templateId: string | undefined): JsonSchema | null {
  if (!templateId) return null;
  const t = (programmeTemplates as Record<string, { inputSchema?: { toJSONSchema: (p: object) => unknown } }>)[
    templateId
  ];
  if (!t?.inputSchema) return null;
  return t.inputSchema.toJSONSchema({ io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

export type FieldKind = 'fen' | 'int' | 'bool' | 'enum' | 'enumList' | 'textList' | 'text' | 'object' | 'variants';

/** The kind of a field; `null`-able enums (anyOf [enum, null]) are enums. */
export function fieldKind(key: string, s: JsonSchema): FieldKind {
  if (s.anyOf) {
    const nonNull = s.anyOf.filter((x) => x.type !== 'null');
    if (nonNull.length === 1 && nonNull[0]) return fieldKind(key, nonNull[0]);
    return 'variants';
  }
  if (s.enum) return 'enum';
  if (s.type === 'integer' || s.type === 'number') return key.endsWith('Fen') ? 'fen' : 'int';
  if (s.type === 'boolean') return 'bool';
  if (s.type === 'array') return s.items?.enum ? 'enumList' : 'textList';
  if (s.type === 'object') return 'object';
  return 'text';
}

export function enumOf(s: JsonSchema): string[] {
  const base = s.anyOf?.find((x) => x.enum) ?? s;
  return (base.enum ?? []).filter((v): v is string => typeof v === 'string');
}

export type Variants = Record<string, number>;

/** The form's values (元 text, numbers, flags) → the inputs the server validates with the template. */
export function inputsFromForm(schema: JsonSchema, form: unknown, variants: Variants, path = ''): unknown {
  const obj = (form && typeof form === 'object' ? form : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    if (!path && FROM_FILE.has(key)) continue;
    const p = path ? `${path}.${key}` : key;
    const v = obj[key];
    const kind = fieldKind(key, s);
    if (kind === 'object') out[key] = inputsFromForm(s, v, variants, p);
    else if (kind === 'variants') {
      const chosen = s.anyOf?.filter((x) => x.type !== 'null')[variants[p] ?? 0];
      if (chosen)
        out[key] = inputsFromForm(chosen, (v as Record<string, unknown> | undefined)?.[variants[p] ?? 0], variants, p);
    } else if (v === undefined || v === null || v === '') continue;
    else if (kind === 'fen') out[key] = fenOf(v as string);
    else if (kind === 'int') out[key] = Number(v);
    else out[key] = v;
  }
  return out;
}

/** Defaults of the schema as form values (flags and lists as the template defaults them). */
export function formDefaults(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    const kind = fieldKind(key, s);
    if (kind === 'object') out[key] = formDefaults(s);
    else if (kind === 'bool') out[key] = s.default ?? false;
    else if ((kind === 'enum' || kind === 'enumList' || kind === 'textList') && s.default !== undefined)
      out[key] = s.default;
  }
  return out;
}
