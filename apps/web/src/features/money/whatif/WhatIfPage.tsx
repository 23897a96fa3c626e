import { CalculatorOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Row,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../../components/OrgSelect';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { thisYear } from '../../../lib/today';
import { useCurrentUser } from '../../auth/api';
import { useWhatIf, type WhatIfInput, type WhatIfResult } from '../api';
import { useMoneyCode } from '../codes';
import { fenOf, yuan } from '../money';
import { Money, YuanInput } from '../ui';

interface Values {
  orgId: number;
  year: number;
  dibaoLine?: string | null;
  deep?: string | null;
  relative?: string | null;
}

function Outcome({ r }: { r: WhatIfResult }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const grade = (g: string) => (g === 'none' ? t('money.whatif.noGrade') : code('grade', g));
  const transitions = Object.entries(r.transitions).map(([k, n]) => {
    const [from = '', to = ''] = k.split('→');
    return { key: k, from: grade(from), to: grade(to), n };
  });
  return (
    <div data-testid="whatif-result">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('money.whatif.files')} value={r.files} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('money.whatif.gradeChanged')} value={r.gradeChanged} data-testid="whatif-grade-changed" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('money.whatif.becameEligible')} value={r.becameEligible} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('money.whatif.becameIneligible')} value={r.becameIneligible} />
        </Col>
      </Row>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('money.whatif.dibaoLine')}>
          {yuan(r.dibaoLineFen.current)} → {yuan(r.dibaoLineFen.changed)}
        </Descriptions.Item>
        <Descriptions.Item label={t('money.whatif.policy')}>
          {r.policyVersion
            ? `v${r.policyVersion.version}（${t('money.rules.since', { date: r.policyVersion.effectiveFrom })}）`
            : t('money.whatif.noPolicy')}
        </Descriptions.Item>
        <Descriptions.Item label={t('money.whatif.livingRule')} span={2}>
          {r.livingRule ? `${r.livingRule.templateId} · v${r.livingRule.version}` : t('money.whatif.noLivingRule')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('money.whatif.cost')}</Typography.Title>
      <Table
        rowKey="programme"
        size="small"
        pagination={false}
        style={{ marginBottom: 16 }}
        dataSource={r.programmes}
        data-testid="whatif-cost"
        columns={[
          { title: t('money.programme'), dataIndex: 'programme', render: (p: string) => code('programme', p) },
          { title: t('money.whatif.year'), dataIndex: 'year', width: 80 },
          {
            title: t('money.whatif.current'),
            dataIndex: 'currentFen',
            align: 'right',
            render: (v: number) => <Money fen={v} />,
          },
          {
            title: t('money.whatif.changed'),
            dataIndex: 'changedFen',
            align: 'right',
            render: (v: number) => <Money fen={v} />,
          },
          {
            title: t('money.whatif.difference'),
            dataIndex: 'differenceFen',
            align: 'right',
            render: (v: number) => (
              <Typography.Text type={v > 0 ? 'danger' : v < 0 ? 'success' : undefined} data-testid="whatif-difference">
                {v > 0 ? '+' : ''}
                {yuan(v)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('money.whatif.transitions')}</Typography.Title>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={transitions}
        locale={{ emptyText: t('money.whatif.noTransitions') }}
        columns={[
          { title: t('money.whatif.from'), dataIndex: 'from' },
          { title: t('money.whatif.to'), dataIndex: 'to' },
          { title: t('money.whatif.count'), dataIndex: 'n', align: 'right' },
        ]}
      />
    </div>
  );
}

/** 测算: what if a node changed its 低保 line or its living standards? Every file is re-run; nothing is saved. */
export default function WhatIfPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const run = useWhatIf();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) => {
    const input: WhatIfInput = { orgId: v.orgId, year: v.year };
    const line = fenOf(v.dibaoLine);
    if (line !== null) input.dibaoLineFen = line;
    const deep = fenOf(v.deep);
    const relative = fenOf(v.relative);
    if (deep !== null || relative !== null)
      input.living = {
        ...(deep !== null ? { deepFen: deep } : {}),
        ...(relative !== null ? { relativeFen: relative } : {}),
      };
    run.mutate(input, { onError: (e) => message.error(errorText(e)) });
  };
  return (
    <>
      <PageHeader title={t('money.menu.whatIf')} subtitle={t('money.whatif.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card title={t('money.whatif.changes')} style={{ marginBottom: 16 }}>
            <Form<Values>
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={{ orgId: me.orgId, year: thisYear() + 1 }}
              onFinish={submit}
            >
              <Form.Item name="orgId" label={t('money.node')} rules={[{ required: true }]}>
                <OrgSelect />
              </Form.Item>
              <Form.Item name="year" label={t('money.whatif.year')} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="dibaoLine" label={t('money.whatif.newDibao')} extra={t('money.whatif.keepHint')}>
                <YuanInput min="0.01" />
              </Form.Item>
              <Form.Item name="deep" label={t('money.whatif.newDeep')}>
                <YuanInput />
              </Form.Item>
              <Form.Item name="relative" label={t('money.whatif.newRelative')}>
                <YuanInput />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={run.isPending} block>
                {t('money.whatif.run')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('money.whatif.outcome')}>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('money.whatif.notSaved')} />
            {run.data ? (
              <Outcome r={run.data} />
            ) : (
              <Typography.Text type="secondary">{t('money.whatif.idle')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
