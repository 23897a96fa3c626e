import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HouseholdPicker } from '../../../components/HouseholdPicker';
import { PageHeader } from '../../../components/PageHeader';
import { useLabel } from '../../../i18n';
import { api } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { today as chinaToday } from '../../../lib/today';
import { useCurrentUser } from '../../auth/api';
import { useFundChoices, useRules } from '../api';
import { useCodeOptions, useMoneyCode } from '../codes';
import { numberParam } from '../ui';
import { type ApplicationDetail, assistanceApi, useAssistanceAction, useCampaigns } from './api';
import { InputsEditor } from './InputsEditor';
import { formDefaults, inputSchemaOf, inputsFromForm, type Variants } from './inputs';

interface Values {
  householdId: number;
  campaignId?: number;
  templateId?: string;
  memberSeq?: number;
  inputs?: Record<string, unknown>;
  period?: string;
  method: 'bank' | 'cash';
  fundId: number;
  note?: string;
}

/** 新建救助申请: one household, a template adopted at the proposer's node (or a campaign), its figures. */
export function ApplicationForm() {
  const { t } = useTranslation();
  const label = useLabel();
  const code = useMoneyCode();
  const options = useCodeOptions();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [variants, setVariants] = useState<Variants>({});
  const rules = useRules(me.orgId);
  const campaigns = useCampaigns();
  const campaignId = Form.useWatch('campaignId', form);
  const chosenTemplate = Form.useWatch('templateId', form);
  const householdId = Form.useWatch('householdId', form);
  const today = chinaToday();
  const open = (campaigns.data?.items ?? []).filter(
    (c) => c.status === 'open' && c.startsOn <= today && today <= c.endsOn,
  );
  const campaign = open.find((c) => c.id === campaignId);
  const templateId = campaign?.templateId ?? chosenTemplate;
  const inForce = (rules.data?.items ?? []).filter((r) => r.inForce && r.programme && r.programme !== 'living');
  const programme = campaign?.programme ?? inForce.find((r) => r.templateId === templateId)?.programme ?? '';
  const funds = useFundChoices(me.orgId, programme, !!programme);
  const schema = useMemo(() => inputSchemaOf(templateId), [templateId]);
  const members = useQuery({
    queryKey: ['households', 'members', householdId ?? 0],
    queryFn: () =>
      api.get<{ members: { seq: number; name: string; relation: string }[] }>(`/households/${householdId}`),
    enabled: !!householdId && programme === 'education',
  });
  const apply = useAssistanceAction(assistanceApi.apply);
  // A new template asks for other figures: start from its defaults.
  useEffect(() => {
    form.setFieldsValue({ inputs: schema ? formDefaults(schema) : undefined });
    setVariants({});
  }, [schema, form]);

  const submit = async (v: Values) => {
    if (!schema) return;
    try {
      const a = (await apply.mutateAsync({
        householdId: v.householdId,
        campaignId: v.campaignId,
        templateId: v.campaignId ? undefined : v.templateId,
        memberSeq: v.memberSeq,
        inputs: inputsFromForm(schema, v.inputs, variants) as Record<string, unknown>,
        period: v.period?.trim() || undefined,
        method: v.method,
        fundId: v.fundId,
        note: v.note?.trim() || undefined,
      })) as ApplicationDetail;
      message.success(t('money.applications.created'));
      navigate(`/applications/${a.id}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader title={t('money.applications.newTitle')} subtitle={t('money.applications.newSubtitle')} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ method: 'bank', campaignId: numberParam('campaignId') }}
          onValuesChange={(changed) => {
            if ('templateId' in changed || 'campaignId' in changed) form.setFieldsValue({ fundId: undefined });
          }}
          onFinish={submit}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="householdId"
                label={t('money.applications.household')}
                rules={[{ required: true, message: t('money.applications.householdRequired') }]}
              >
                <HouseholdPicker />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="campaignId" label={t('money.applications.campaign')}>
                <Select
                  allowClear
                  placeholder={t('money.applications.noCampaign')}
                  options={open.map((c) => ({ value: c.id, label: `${c.title}（${code('programme', c.programme)}）` }))}
                />
              </Form.Item>
            </Col>
            {!campaign && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="templateId"
                  label={t('money.applications.template')}
                  rules={[{ required: true, message: t('money.applications.templateRequired') }]}
                  extra={inForce.length === 0 && rules.data ? t('money.applications.noTemplate') : undefined}
                >
                  <Select
                    options={inForce.map((r) => ({
                      value: r.templateId,
                      label: `${label(r.name)}（${code('programme', r.programme)}）`,
                    }))}
                  />
                </Form.Item>
              </Col>
            )}
            {programme === 'education' && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="memberSeq"
                  label={t('money.applications.child')}
                  rules={[{ required: true, message: t('money.applications.childRequired') }]}
                >
                  <Select
                    loading={members.isFetching}
                    options={(members.data?.members ?? []).map((m) => ({ value: m.seq, label: m.name }))}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          {schema && (
            <div data-testid="application-inputs">
              <Typography.Title level={5}>{t('money.applications.figures')}</Typography.Title>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('money.applications.gradeFromFile')} />
              <InputsEditor
                schema={schema}
                variants={variants}
                onVariant={(p, i) => setVariants((v) => ({ ...v, [p]: i }))}
              />
            </div>
          )}
          <Row gutter={16}>
            {!campaign && (
              <Col xs={24} md={8}>
                <Form.Item
                  name="period"
                  label={t('money.applications.period')}
                  extra={t('money.applications.periodHint')}
                >
                  <Input placeholder={today.slice(0, 4)} maxLength={40} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={8}>
              <Form.Item name="method" label={t('money.batches.method')}>
                <Radio.Group options={options('method')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="fundId"
                label={t('money.batches.fund')}
                rules={[{ required: true, message: t('money.batches.fundRequired') }]}
                extra={
                  programme && funds.data?.items.length === 0
                    ? t('money.batches.noFund', { programme: code('programme', programme) })
                    : undefined
                }
              >
                <Select
                  loading={funds.isFetching}
                  options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}（${f.year}）` }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="note" label={t('money.applications.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={apply.isPending} disabled={!schema}>
              {t('money.applications.submit')}
            </Button>
            <Button onClick={() => navigate('/applications')}>{t('money.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
