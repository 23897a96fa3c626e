import { SaveOutlined } from '@ant-design/icons';
import type { HouseholdInput } from '@bangfu/contracts';
import { Alert, Button, Form, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickBilingual, useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { BankNeedsSection } from './BankNeedsSection';
import { formPath, fromInput, type IntakeValues, toInput } from './convert';
import { IncomeSection } from './IncomeSection';
import { MembersSection } from './MembersSection';
import { PersonSection } from './PersonSection';
import { WorkSection } from './WorkSection';

export const INTAKE_DEFAULTS: Partial<IntakeValues> = {
  kind: 'full',
  health: 'healthy',
  disability: 'none',
  dibaoStatus: 'none',
  canSelfHelp: true,
  singleParent: false,
  zeroEmployment: false,
  secondaryCauses: [],
  incomesYuan: {},
  exclusions: {},
  members: [],
};

interface Props {
  /** 'self': a worker applying for themselves (their own union; no organisation field). */
  mode: 'staff' | 'self';
  initial?: HouseholdInput | null;
  defaults?: Partial<IntakeValues>;
  submitLabel: string;
  onSubmit: (input: HouseholdInput) => Promise<unknown>;
  onCancel?: () => void;
}

/** Field errors the server names (invalid ID of the worker or a member, duplicate member, zod issues). */
function fieldErrors(e: unknown, lang: 'zh-CN' | 'en'): { name: (string | number)[]; errors: string[] }[] {
  if (!(e instanceof ApiError)) return [];
  const d = (e.details ?? {}) as { field?: unknown; zh?: unknown; en?: unknown };
  if ((e.code === 'ARCHIVE_INVALID_ID' || e.code === 'ARCHIVE_DUPLICATE_MEMBER') && typeof d.field === 'string') {
    const text =
      typeof d.zh === 'string' ? (lang === 'en' ? String(d.en) : d.zh) : lang === 'en' ? e.messageEn : e.messageZh;
    return [{ name: formPath(d.field), errors: [text] }];
  }
  return e.issues
    .filter((i) => i.path)
    .map((i) => ({ name: formPath(i.path), errors: [pickBilingual(i.message, lang)] }));
}

/** 困难职工档案表: every field of HouseholdInputSchema, in sections; money in 元, dates with a picker. */
export function IntakeForm({ mode, initial, defaults, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const [form] = Form.useForm<IntakeValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ ...INTAKE_DEFAULTS, ...defaults, ...(initial ? fromInput(initial) : {}) });
  }, [initial, defaults, form]);

  const submit = async (v: IntakeValues) => {
    setError(null);
    setSaving(true);
    try {
      await onSubmit(toInput(v));
    } catch (e) {
      setError(e);
      const fields = fieldErrors(e, lang);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      top.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div ref={top}>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setError(null) }}
          style={{ marginBottom: 16 }}
          title={errorText(error)}
          data-testid="intake-error"
        />
      )}
      <Form<IntakeValues>
        form={form}
        name="intake"
        layout="vertical"
        onFinish={submit}
        scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
        data-testid="intake-form"
      >
        <PersonSection self={mode === 'self'} />
        <WorkSection />
        <IncomeSection />
        <MembersSection />
        <BankNeedsSection />
        <Space style={{ position: 'sticky', bottom: 0, background: '#fff', padding: 12, width: '100%', zIndex: 2 }}>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="intake-submit">
            {submitLabel}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        </Space>
      </Form>
    </div>
  );
}
