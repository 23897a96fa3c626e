import type { EligibilityPolicyInput } from '@bangfu/contracts';
import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { todayValue } from '../../lib/today';
import { YuanInput } from '../archive/intake/fields';
import { toFen, toYuanText } from '../archive/money';
import { type Policy, useAdoptPolicy } from './api';

export const EXCLUSIONS = [
  'vehicle',
  'multipleHomes',
  'controllingShareholder',
  'privateSchoolOrAbroad',
  'nonCooperation',
] as const;

interface Values {
  effectiveFrom: Dayjs;
  vocabulary: 'current' | 'legacy';
  dibaoLine?: string;
  relativeMultiple: number;
  accidentThreshold?: string;
  tekun?: string;
  kunnan?: string;
  incomeBoundary: 'below' | 'atOrBelow';
  exclusions: string[];
  housingAreaPerCapitaM2?: number | null;
  source?: string;
}

function fromPolicy(p: Policy | null): Values {
  return {
    effectiveFrom: todayValue().add(1, 'day'),
    vocabulary: p?.vocabulary ?? 'current',
    dibaoLine: p ? toYuanText(p.dibaoLineFen) : undefined,
    relativeMultiple: (p?.relativeMultipleBp ?? 20_000) / 10_000,
    accidentThreshold: toYuanText(p?.accidentThresholdFen ?? 2_400_000),
    tekun: p?.legacyLines ? toYuanText(p.legacyLines.tekunFen) : undefined,
    kunnan: p?.legacyLines ? toYuanText(p.legacyLines.kunnanFen) : undefined,
    incomeBoundary: p?.incomeBoundary ?? 'below',
    exclusions: p ? EXCLUSIONS.filter((k) => p.exclusions[k] !== false) : [...EXCLUSIONS],
    housingAreaPerCapitaM2: p?.housingAreaPerCapitaM2 ?? null,
    source: p?.source,
  };
}

/** 发布新版本: a node adopts a new version of its eligibility policy from an effective date; money in 元. */
export function PolicyFormModal({
  orgId,
  orgName,
  base,
  open,
  onClose,
}: {
  orgId: number;
  orgName: string;
  base: Policy | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const adopt = useAdoptPolicy();
  const [form] = Form.useForm<Values>();
  const vocabulary = Form.useWatch('vocabulary', form);
  const submit = (v: Values) => {
    const input: EligibilityPolicyInput = {
      orgId,
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      vocabulary: v.vocabulary,
      dibaoLineFen: toFen(v.dibaoLine),
      relativeMultipleBp: Math.round(v.relativeMultiple * 10_000),
      accidentThresholdFen: toFen(v.accidentThreshold),
      legacyLines: v.vocabulary === 'legacy' ? { tekunFen: toFen(v.tekun), kunnanFen: toFen(v.kunnan) } : null,
      incomeBoundary: v.incomeBoundary,
      exclusions: Object.fromEntries(EXCLUSIONS.map((k) => [k, v.exclusions.includes(k)])),
      housingAreaPerCapitaM2: v.housingAreaPerCapitaM2 ?? null,
      source: v.source?.trim() || null,
    };
    adopt.mutate(input, { onSuccess: onClose });
  };
  const problems =
    adopt.error instanceof ApiError
      ? ((adopt.error.details as { problems?: { zh: string; en: string }[] } | null)?.problems ?? [])
      : [];
  return (
    <Modal
      open={open}
      width={760}
      title={t('policy.form.title', { org: orgName })}
      okText={t('policy.form.adopt')}
      confirmLoading={adopt.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (!o) adopt.reset();
      }}
    >
      {adopt.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorText(adopt.error)}
          description={problems.map((p) => (lang === 'en' ? p.en : p.zh)).join('；') || undefined}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="policyForm"
        initialValues={fromPolicy(base)}
        onFinish={submit}
        preserve={false}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="effectiveFrom" label={t('policy.field.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="vocabulary" label={t('policy.field.vocabulary')}>
              <Radio.Group
                options={[
                  { value: 'current', label: t('policy.vocabulary.current') },
                  { value: 'legacy', label: t('policy.vocabulary.legacy') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="dibaoLine"
              label={t('policy.field.dibaoLine')}
              rules={[{ required: vocabulary !== 'legacy', message: t('policy.form.dibaoRequired') }]}
            >
              <YuanInput />
            </Form.Item>
          </Col>
          {vocabulary !== 'legacy' ? (
            <>
              <Col span={12}>
                <Form.Item name="relativeMultiple" label={t('policy.field.relativeMultiple')}>
                  <InputNumber min={1} max={10} step={0.1} precision={2} style={{ width: '100%' }} suffix="×" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="accidentThreshold" label={t('policy.field.accidentThreshold')}>
                  <YuanInput />
                </Form.Item>
              </Col>
            </>
          ) : (
            <>
              <Col span={6}>
                <Form.Item name="tekun" label={t('policy.field.tekun')} rules={[{ required: true }]}>
                  <YuanInput />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="kunnan" label={t('policy.field.kunnan')} rules={[{ required: true }]}>
                  <YuanInput />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={12}>
            <Form.Item name="incomeBoundary" label={t('policy.field.incomeBoundary')}>
              <Radio.Group
                options={[
                  { value: 'below', label: t('policy.boundary.below') },
                  { value: 'atOrBelow', label: t('policy.boundary.atOrBelow') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="housingAreaPerCapitaM2" label={t('policy.field.housingArea')}>
              <InputNumber min={0} max={1000} style={{ width: '100%' }} suffix="㎡" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="exclusions" label={t('policy.field.exclusions')}>
              <Checkbox.Group options={EXCLUSIONS.map((k) => ({ value: k, label: t(`policy.exclusion.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="source" label={t('policy.field.source')}>
              <Input maxLength={300} placeholder={t('policy.form.sourceHint')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Alert type="info" showIcon title={t('policy.form.hint')} />
    </Modal>
  );
}
