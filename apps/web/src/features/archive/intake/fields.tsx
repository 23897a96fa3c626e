import { parseResidentId } from '@bangfu/policy';
import { Form, type FormRule, InputNumber, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { type Lang, useLang } from '../../../i18n';
import { type CodeList, useCodeOptions } from '../codes';

/** A 元 amount with two decimals (kept as a string so no float touches it; sent as integer 分). */
export function YuanInput(props: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <InputNumber<string>
      {...props}
      stringMode
      min="0"
      max="999999999.99"
      precision={2}
      step="100"
      style={{ width: '100%' }}
      suffix={t('archive.unit.yuan')}
    />
  );
}

/** GB 11643 check on the client (the same checker the server uses), in the current language. */
export function idRule(lang: Lang, required: boolean): FormRule {
  return {
    validator: async (_r, value: unknown) => {
      if (typeof value !== 'string' || !value.trim()) {
        if (required) throw new Error(lang === 'en' ? 'Enter the ID number' : '请输入身份证号码');
        return;
      }
      const r = parseResidentId(value);
      if (!r.ok) throw new Error(lang === 'en' ? r.en : r.zh);
    },
  };
}

export function useIdRule(required = true): FormRule {
  return idRule(useLang(), required);
}

/** A select of one code list of the national form. */
export function CodeSelect({
  list,
  codes,
  name,
  label,
  required,
  multiple,
  max,
  exclude,
  placeholder,
}: {
  list: CodeList;
  codes: readonly string[];
  name: NamePath;
  label: string;
  required?: boolean;
  multiple?: boolean;
  max?: number;
  exclude?: string | null;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const options = useCodeOptions()(list, codes).filter((o) => o.value !== exclude);
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        ...(required ? [{ required: true, message: t('archive.form.required', { field: label }) }] : []),
        ...(max ? [{ type: 'array' as const, max, message: t('archive.form.maxItems', { count: max }) }] : []),
      ]}
    >
      <Select
        allowClear={!required}
        mode={multiple ? 'multiple' : undefined}
        maxCount={max}
        options={options}
        placeholder={placeholder ?? t('archive.form.choose')}
      />
    </Form.Item>
  );
}
