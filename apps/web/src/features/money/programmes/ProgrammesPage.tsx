import { EditOutlined } from '@ant-design/icons';
import type { Org } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useLabel } from '../../../i18n';
import { api } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { usePermission } from '../../auth';
import { useCurrentUser } from '../../auth/api';
import { type ProgrammeTemplateInfo, type RuleAtNode, useRules, useTemplates } from '../api';
import { useMoneyCode } from '../codes';
import { NodeBar, OrgName } from '../ui';
import { AdoptModal, type AdoptTarget } from './AdoptModal';
import { ParamsView } from './ParamsEditor';
import { TemplateCatalogue } from './TemplateCatalogue';

function History({ rule }: { rule: RuleAtNode }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`rule-history-${rule.templateId}`}>
      {rule.inForce && (
        <>
          <Typography.Text strong>{t('money.rules.paramsInForce')}</Typography.Text>
          <div style={{ margin: '8px 0 16px' }}>
            <ParamsView params={rule.inForce.params} />
          </div>
        </>
      )}
      <Typography.Text strong>{t('money.rules.history')}</Typography.Text>
      <Table
        rowKey="version"
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={[...rule.own].sort((a, b) => b.version - a.version)}
        locale={{ emptyText: t('money.rules.noOwn') }}
        expandable={{ expandedRowRender: (v) => <ParamsView params={v.params} /> }}
        columns={[
          { title: t('money.rules.version'), dataIndex: 'version', width: 90, render: (v: number) => `v${v}` },
          { title: t('money.rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 130 },
          { title: t('money.rules.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          {
            title: t('money.rules.createdAt'),
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </div>
  );
}

/** 救助标准: the templates in force at a node (own or inherited), adopting one with adjusted numbers, history. */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const code = useMoneyCode();
  const errorText = useErrorText();
  const can = usePermission();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState(me.orgId);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [adopting, setAdopting] = useState<AdoptTarget | null>(null);
  const templates = useTemplates();
  const rules = useRules(orgId, date?.format('YYYY-MM-DD'));
  const org = useQuery({ queryKey: ['orgs', 'one', orgId], queryFn: () => api.get<Org>(`/orgs/${orgId}`) });
  const canWrite = can('programme.write');
  const byId = new Map((templates.data ?? []).map((x) => [x.id, x]));

  const startAdopt = (template: ProgrammeTemplateInfo, rule?: RuleAtNode) => {
    const inForce = rule?.inForce;
    setAdopting({
      template,
      base: (inForce?.params as Record<string, unknown> | undefined) ?? template.defaults,
      baseLabel: inForce
        ? t('money.rules.fromVersion', { version: inForce.version, date: inForce.effectiveFrom })
        : t('money.rules.fromSeed'),
    });
  };

  return (
    <>
      <PageHeader title={t('money.menu.programmes')} subtitle={t('money.rules.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="rules-org" orgId={orgId} onChange={setOrgId}>
          <label htmlFor="rules-date">{t('money.rules.date')}</label>
          <DatePicker id="rules-date" value={date} onChange={setDate} placeholder={t('money.rules.today')} />
        </NodeBar>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'node',
              label: t('money.rules.tabNode'),
              children: (
                <Table<RuleAtNode>
                  rowKey="templateId"
                  size="middle"
                  loading={rules.isFetching}
                  dataSource={rules.data?.items ?? []}
                  pagination={false}
                  data-testid="rules-table"
                  locale={{ emptyText: rules.error ? errorText(rules.error) : undefined }}
                  expandable={{ expandedRowRender: (r) => <History rule={r} /> }}
                  onRow={(r) => ({ 'data-testid': `rule-${r.templateId}` }) as React.HTMLAttributes<HTMLElement>}
                  columns={[
                    {
                      title: t('money.rules.template'),
                      key: 'name',
                      render: (_: unknown, r) => (
                        <Space orientation="vertical" size={0}>
                          <span>{label(r.name)}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {r.templateId}
                          </Typography.Text>
                        </Space>
                      ),
                    },
                    {
                      title: t('money.programme'),
                      dataIndex: 'programme',
                      width: 150,
                      render: (p: string | null) => (p ? code('programme', p) : t('money.rules.decidesOnly')),
                    },
                    {
                      title: t('money.rules.inForce', { date: rules.data?.date ?? '' }),
                      key: 'inForce',
                      render: (_: unknown, r) =>
                        r.inForce ? (
                          <Space wrap size={4}>
                            <Tag color={r.inForce.inherited ? 'default' : 'red'}>
                              {r.inForce.inherited ? t('money.rules.inherited') : t('money.rules.own')}
                            </Tag>
                            <span>
                              v{r.inForce.version} · {t('money.rules.since', { date: r.inForce.effectiveFrom })}
                            </span>
                            {r.inForce.inherited && (
                              <Typography.Text type="secondary">
                                <OrgName id={r.inForce.nodeId} />
                              </Typography.Text>
                            )}
                          </Space>
                        ) : (
                          <Typography.Text type="secondary">{t('money.rules.notAdopted')}</Typography.Text>
                        ),
                    },
                    {
                      title: t('money.rules.ownVersions'),
                      key: 'own',
                      width: 200,
                      render: (_: unknown, r) =>
                        r.own.length ? (
                          <span data-testid="rule-own">
                            {[...r.own]
                              .sort((a, b) => b.version - a.version)
                              .slice(0, 2)
                              .map((v) => `v${v.version}（${t('money.rules.since', { date: v.effectiveFrom })}）`)
                              .join('，')}
                          </span>
                        ) : (
                          '—'
                        ),
                    },
                    {
                      title: t('money.actions'),
                      key: 'actions',
                      width: 130,
                      render: (_: unknown, r) => {
                        const tpl = byId.get(r.templateId);
                        return canWrite && tpl ? (
                          <Button size="small" icon={<EditOutlined />} onClick={() => startAdopt(tpl, r)}>
                            {r.own.length ? t('money.rules.adjust') : t('money.rules.adopt')}
                          </Button>
                        ) : null;
                      },
                    },
                  ]}
                />
              ),
            },
            {
              key: 'catalogue',
              label: t('money.rules.tabCatalogue'),
              children: (
                <TemplateCatalogue
                  templates={templates.data ?? []}
                  loading={templates.isPending}
                  error={templates.error}
                  onAdopt={
                    canWrite
                      ? (tpl) =>
                          startAdopt(
                            tpl,
                            rules.data?.items.find((r) => r.templateId === tpl.id),
                          )
                      : undefined
                  }
                />
              ),
            },
          ]}
        />
      </Card>
      <AdoptModal orgId={orgId} orgName={org.data?.name ?? ''} target={adopting} onClose={() => setAdopting(null)} />
    </>
  );
}
