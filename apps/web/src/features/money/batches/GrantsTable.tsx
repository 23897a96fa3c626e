import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { todayValue } from '../../../lib/today';
import { usePermission } from '../../auth';
import { type Batch, batchApi, type Explanation, type Grant, useBatchAction, useBatchGrants } from '../api';
import { useCodeOptions } from '../codes';
import { yuan } from '../money';
import { GrantStatusTag, Money } from '../ui';
import { FailedGrantActions } from './FailedGrantActions';

/** How an amount was reached: the rule and its source, every step, the version of the numbers used. */
export function ExplanationView({ e }: { e: Explanation }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <div data-testid="grant-explanation" style={{ padding: '4px 8px' }}>
      {e.summary && <Typography.Paragraph strong>{label(e.summary)}</Typography.Paragraph>}
      <List
        size="small"
        dataSource={e.steps ?? []}
        renderItem={(s, i) => (
          <List.Item style={{ padding: '4px 0' }}>
            <Typography.Text>
              {i + 1}. {label(s)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {(e.confirmations ?? []).map((c) => (
        <Typography.Paragraph key={c.zh} type="warning" style={{ margin: '4px 0' }}>
          {t('money.grants.confirm')}：{label(c)}
        </Typography.Paragraph>
      ))}
      {(e.warnings ?? []).map((w) => (
        <Typography.Paragraph key={w.zh} type="danger" style={{ margin: '4px 0' }}>
          {label(w)}
        </Typography.Paragraph>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.rule ? `${label(e.rule.name)}（${e.rule.id}）` : ''}
        {e.params?.version
          ? ` · v${e.params.version}，${t('money.rules.since', { date: e.params.effectiveFrom })}`
          : ''}
        {e.source
          ? ` · ${t('money.rules.seedRef', { seed: e.source.seed, part: e.source.part, lines: e.source.lines })}`
          : ''}
      </Typography.Text>
    </div>
  );
}

export type Marking = { grant: Grant; mode: 'cash' | 'failed' | 'void' } | null;

/** 现金签领 (the recipient signs in person, no proxy), 发放失败 or, after a failure, 作废 (with the reason). */
export function MarkModal({ marking, onClose }: { marking: Marking; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ signedName: string; signedOn: Dayjs; cadre: string; reason: string }>();
  const mark = useBatchAction((a: Parameters<typeof batchApi.mark>) => batchApi.mark(...a));
  const voidIt = useBatchAction((a: Parameters<typeof batchApi.voidGrant>) => batchApi.voidGrant(...a));
  if (!marking) return null;
  const { grant, mode } = marking;
  return (
    <Modal
      open
      title={
        mode === 'cash'
          ? t('money.grants.signTitle', { name: grant.recipientName })
          : mode === 'void'
            ? t('money.grants.voidTitle', { name: grant.recipientName })
            : t('money.grants.failTitle', { name: grant.recipientName })
      }
      okText={t('money.confirm')}
      cancelText={t('money.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mark.isPending || voidIt.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {mode === 'cash'
          ? t('money.grants.signHint', { amount: yuan(grant.amountFen) })
          : t(mode === 'void' ? 'money.grants.voidHint' : 'money.grants.failHint')}
      </Typography.Paragraph>
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        initialValues={{ signedOn: todayValue() }}
        onFinish={async (v) => {
          try {
            if (mode === 'void') {
              await voidIt.mutateAsync([grant.id, v.reason.trim()]);
              message.success(t('money.grants.voidedOne'));
              onClose();
              return;
            }
            await mark.mutateAsync([
              grant.id,
              mode === 'cash'
                ? {
                    status: 'paid',
                    signature: {
                      signedName: v.signedName.trim(),
                      signedOn: v.signedOn.format('YYYY-MM-DD'),
                      cadre: v.cadre.trim(),
                    },
                  }
                : { status: 'failed', reason: v.reason.trim() },
            ]);
            message.success(mode === 'cash' ? t('money.grants.paidOne') : t('money.grants.failedOne'));
            onClose();
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        {mode === 'cash' ? (
          <>
            <Form.Item
              name="signedName"
              label={t('money.grants.signedName')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input placeholder={grant.recipientName} />
            </Form.Item>
            <Form.Item name="signedOn" label={t('money.grants.signedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="cadre" label={t('money.grants.cadre')} rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={t(mode === 'void' ? 'money.grants.voidReason' : 'money.grants.reason')}
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The grants of a batch, each with its explanation; finance marks them paid (cash: signature) or failed. */
export function GrantsTable({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const options = useCodeOptions();
  const errorText = useErrorText();
  const can = usePermission();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [marking, setMarking] = useState<Marking>(null);
  const grants = useBatchGrants(batch.id, status, page, pageSize, batch.status !== 'computing');
  const pay = useBatchAction((ids: number[]) => batchApi.pay(batch.id, ids));
  const payable = can('fund.write') && (batch.status === 'approved' || batch.status === 'paying');
  // A failed grant is paid again (once) or voided, also once the batch is closed.
  const actionable = payable || (can('fund.write') && batch.status === 'closed');

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="grants-status">{t('money.grants.status')}</label>
        <Select
          id="grants-status"
          allowClear
          style={{ width: 150 }}
          placeholder={t('money.all')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={options('grantStatus')}
        />
      </Space>
      <Table<Grant>
        rowKey="id"
        size="middle"
        loading={grants.isFetching}
        dataSource={grants.data?.items ?? []}
        scroll={{ x: 1000 }}
        data-testid="grants-table"
        locale={{ emptyText: grants.error ? errorText(grants.error) : t('money.grants.none') }}
        expandable={{ expandedRowRender: (g) => <ExplanationView e={g.explanation} /> }}
        pagination={{
          current: page,
          pageSize,
          total: grants.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('money.totalN', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('money.grants.name'),
            dataIndex: 'recipientName',
            width: 110,
            render: (v: string, g) => <Link to={`/archive/${g.householdId}`}>{v}</Link>,
          },
          { title: t('money.grants.idNumber'), dataIndex: 'idMasked', width: 190 },
          {
            title: batch.method === 'cash' ? t('money.grants.signature') : t('money.grants.bank'),
            key: 'account',
            render: (_: unknown, g) =>
              g.method === 'cash'
                ? g.signature
                  ? t('money.grants.signedBy', { ...g.signature })
                  : '—'
                : (g.bankMasked ?? '—'),
          },
          {
            title: t('money.grants.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            width: 130,
            render: (v: number) => <Money fen={v} />,
          },
          {
            title: t('money.grants.status'),
            key: 'status',
            width: 170,
            render: (_: unknown, g) => (
              <Space size={4} wrap>
                <GrantStatusTag status={g.status} />
                {g.failureReason && <Tag color="red">{g.failureReason}</Tag>}
              </Space>
            ),
          },
          {
            title: t('money.grants.paidAt'),
            dataIndex: 'paidAt',
            width: 150,
            render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
          },
          ...(actionable
            ? [
                {
                  title: t('money.actions'),
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, g: Grant) =>
                    g.status === 'failed' ? (
                      <FailedGrantActions grant={g} onVoid={() => setMarking({ grant: g, mode: 'void' })} />
                    ) : g.status === 'approved' ? (
                      <Space size={4}>
                        {g.method === 'cash' ? (
                          <Button size="small" onClick={() => setMarking({ grant: g, mode: 'cash' })}>
                            {t('money.grants.sign')}
                          </Button>
                        ) : (
                          <Popconfirm
                            title={t('money.grants.payOneConfirm', {
                              name: g.recipientName,
                              amount: yuan(g.amountFen),
                            })}
                            okText={t('money.confirm')}
                            cancelText={t('money.cancel')}
                            onConfirm={() =>
                              pay.mutateAsync([g.id]).then(
                                () => message.success(t('money.grants.paidOne')),
                                (e: unknown) => message.error(errorText(e)),
                              )
                            }
                          >
                            <Button size="small">{t('money.grants.markPaid')}</Button>
                          </Popconfirm>
                        )}
                        <Button size="small" danger onClick={() => setMarking({ grant: g, mode: 'failed' })}>
                          {t('money.grants.markFailed')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <MarkModal marking={marking} onClose={() => setMarking(null)} />
    </>
  );
}
