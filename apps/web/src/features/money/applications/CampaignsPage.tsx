import { PlusOutlined } from '@ant-design/icons';
import { campaignProgrammes } from '@bangfu/contracts';
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useLabel } from '../../../i18n';
import { useErrorText } from '../../../lib/errors';
import { navigate, usePathname } from '../../../lib/router';
import { today as chinaToday } from '../../../lib/today';
import { usePermission } from '../../auth';
import { useCurrentUser } from '../../auth/api';
import { useTemplates } from '../api';
import { DecisionDialog } from '../bodies/DecisionDialog';
import { useCodeOptions, useMoneyCode } from '../codes';
import { MoneyNoticePage } from '../notice/MoneyNoticePage';
import { Money, NodeBar, OrgName } from '../ui';
import { assistanceApi, type Campaign, useAssistanceAction, useCampaign, useCampaigns } from './api';

interface Values {
  programme: string;
  templateId: string;
  title: string;
  dates: [Dayjs, Dayjs];
  note?: string;
}

function CreateCampaignModal({ orgId, open, onClose }: { orgId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const options = useCodeOptions();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const templates = useTemplates();
  const programme = Form.useWatch('programme', form);
  const create = useAssistanceAction(assistanceApi.createCampaign);
  return (
    <Modal
      open={open}
      title={t('money.campaigns.createTitle')}
      okText={t('money.save')}
      cancelText={t('money.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        initialValues={{ programme: 'holiday' }}
        onValuesChange={(c) => 'programme' in c && form.setFieldsValue({ templateId: undefined })}
        onFinish={async (v) => {
          try {
            await create.mutateAsync({
              orgId,
              programme: v.programme,
              templateId: v.templateId,
              title: v.title.trim(),
              startsOn: v.dates[0].format('YYYY-MM-DD'),
              endsOn: v.dates[1].format('YYYY-MM-DD'),
              note: v.note?.trim() || undefined,
            });
            message.success(t('money.campaigns.created'));
            onClose();
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <Form.Item name="programme" label={t('money.programme')} rules={[{ required: true }]}>
          <Select options={options('programme', campaignProgrammes)} />
        </Form.Item>
        <Form.Item name="templateId" label={t('money.applications.template')} rules={[{ required: true }]}>
          <Select
            options={(templates.data ?? [])
              .filter((x) => x.programme === programme)
              .map((x) => ({ value: x.id, label: `${label(x.name)}（${x.id}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('money.campaigns.title')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input placeholder={t('money.campaigns.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="dates" label={t('money.campaigns.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="note" label={t('money.rules.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Entries({ id }: { id: number }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const c = useCampaign(id);
  return (
    <Table
      rowKey="status"
      size="small"
      pagination={false}
      loading={c.isFetching}
      dataSource={c.data?.entries ?? []}
      locale={{ emptyText: t('money.campaigns.noEntries') }}
      columns={[
        { title: t('money.batches.status'), dataIndex: 'status', render: (s: string) => code('applicationStatus', s) },
        { title: t('money.batches.households'), dataIndex: 'count', align: 'right' },
        {
          title: t('money.batches.total'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (v: number) => <Money fen={v} />,
        },
        {
          title: '',
          key: 'go',
          render: () => (
            <Button size="small" type="link" onClick={() => navigate(`/applications?campaignId=${id}`)}>
              {t('money.campaigns.entries')}
            </Button>
          ),
        },
      ]}
    />
  );
}

/** 帮扶活动: 送温暖 and 金秋助学 campaigns a node organises or takes part in; entries are applications. */
export default function CampaignsPage() {
  const m = /^\/campaigns\/(\d+)\/notice\/?$/.exec(usePathname());
  if (m) return <MoneyNoticePage key={m[1]} type="campaign" id={Number(m[1])} back="/campaigns" />;
  return <CampaignList />;
}

function CampaignList() {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const errorText = useErrorText();
  const can = usePermission();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState(me.orgId);
  const [creating, setCreating] = useState(false);
  const campaigns = useCampaigns(orgId);
  const close = useAssistanceAction((id: number) => assistanceApi.closeCampaign(id));
  const [deciding, setDeciding] = useState<Campaign | null>(null);
  const today = chinaToday();
  const fail = (e: unknown) => message.error(errorText(e));
  return (
    <>
      <PageHeader
        title={t('money.menu.campaigns')}
        subtitle={t('money.campaigns.subtitle')}
        extra={
          can('programme.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('money.campaigns.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="campaigns-org" orgId={orgId} onChange={setOrgId} />
      </Card>
      <Card>
        <Table<Campaign>
          rowKey="id"
          size="middle"
          loading={campaigns.isFetching}
          dataSource={campaigns.data?.items ?? []}
          pagination={false}
          data-testid="campaigns-table"
          scroll={{ x: 1000 }}
          locale={{ emptyText: campaigns.error ? errorText(campaigns.error) : t('money.campaigns.none') }}
          expandable={{ expandedRowRender: (c) => <Entries id={c.id} /> }}
          columns={[
            { title: t('money.campaigns.title'), dataIndex: 'title' },
            {
              title: t('money.programme'),
              dataIndex: 'programme',
              width: 110,
              render: (p: string) => code('programme', p),
            },
            { title: t('money.campaigns.key'), dataIndex: 'key', width: 170 },
            {
              title: t('money.campaigns.organiser'),
              dataIndex: 'orgId',
              width: 150,
              render: (id: number) => <OrgName id={id} />,
            },
            {
              title: t('money.campaigns.dates'),
              key: 'dates',
              width: 200,
              render: (_: unknown, c) => `${c.startsOn} ~ ${c.endsOn}`,
            },
            {
              title: t('money.batches.status'),
              key: 'status',
              width: 100,
              render: (_: unknown, c) => {
                const running = c.status === 'open' && c.startsOn <= today && today <= c.endsOn;
                return (
                  <Tag color={running ? 'green' : 'default'}>
                    {t(`money.campaigns.${running ? 'running' : c.status === 'open' ? 'notRunning' : 'closed'}`)}
                  </Tag>
                );
              },
            },
            {
              title: t('money.actions'),
              key: 'actions',
              width: 240,
              render: (_: unknown, c) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => navigate(`/campaigns/${c.id}/notice`)}>
                    {t('money.notice.link')}
                  </Button>
                  {can('assistance.propose') && c.status === 'open' && (
                    <Button size="small" onClick={() => navigate(`/applications/new?campaignId=${c.id}`)}>
                      {t('money.campaigns.enter')}
                    </Button>
                  )}
                  {can('payment.approve') && (
                    <Button size="small" onClick={() => setDeciding(c)}>
                      {t('money.campaigns.approveAll')}
                    </Button>
                  )}
                  {can('programme.write') && c.status === 'open' && (
                    <Popconfirm
                      title={t('money.campaigns.closeConfirm')}
                      okText={t('money.confirm')}
                      cancelText={t('money.cancel')}
                      onConfirm={() => close.mutateAsync(c.id).catch(fail)}
                    >
                      <Button size="small" danger>
                        {t('money.campaigns.close')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CreateCampaignModal orgId={orgId} open={creating} onClose={() => setCreating(false)} />
      <DecisionDialog
        title={t('money.campaigns.approveAll')}
        onClose={() => setDeciding(null)}
        target={
          deciding
            ? {
                type: 'campaign',
                id: deciding.id,
                decision: 'approve',
                summary: `${deciding.title}：${t('money.campaigns.approveAllConfirm')}`,
              }
            : null
        }
      />
    </>
  );
}
