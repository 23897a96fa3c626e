import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Progress, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { thisYear } from '../../../lib/today';
import { usePermission } from '../../auth';
import { type Budget, useBudgets, usePutBudget } from '../api';
import { useCodeOptions, useMoneyCode } from '../codes';
import { fenOf, yuan, yuanText } from '../money';
import { Money, YuanInput } from '../ui';

function BudgetModal({
  orgId,
  year,
  editing,
  onClose,
}: {
  orgId: number;
  year: number;
  editing: Partial<Budget> | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const options = useCodeOptions();
  const put = usePutBudget();
  const [form] = Form.useForm<{ programme: string; amount: string }>();
  if (!editing) return null;
  return (
    <Modal
      open
      title={t('money.budgets.setTitle', { year })}
      okText={t('money.save')}
      cancelText={t('money.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={put.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        initialValues={{ programme: editing.programme ?? 'living', amount: yuanText(editing.amountFen) }}
        onFinish={async (v) => {
          try {
            const amountFen = fenOf(v.amount) ?? 0;
            await put.mutateAsync({ orgId, programme: v.programme, year, amountFen });
            message.success(t('money.budgets.saved', { amount: yuan(amountFen) }));
            onClose();
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <Form.Item name="programme" label={t('money.programme')} rules={[{ required: true }]}>
          <Select options={options('programme')} disabled={!!editing.programme} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('money.budgets.amount')}
          rules={[{ required: true, message: t('money.amountRequired') }]}
        >
          <YuanInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 预算: per programme and year at a node, with what the subtree has paid or committed against it. */
export function BudgetsTab({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const errorText = useErrorText();
  const can = usePermission();
  const [year, setYear] = useState(thisYear());
  const [editing, setEditing] = useState<Partial<Budget> | null>(null);
  const budgets = useBudgets(orgId, year);
  const canWrite = can('fund.write');
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <label htmlFor="budget-year">{t('money.budgets.year')}</label>
        <InputNumber
          id="budget-year"
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('money.budgets.set')}
          </Button>
        )}
      </Space>
      <Table<Budget>
        rowKey="programme"
        size="middle"
        loading={budgets.isFetching}
        dataSource={budgets.data?.items ?? []}
        pagination={false}
        data-testid="budgets-table"
        locale={{ emptyText: budgets.error ? errorText(budgets.error) : t('money.budgets.none') }}
        columns={[
          { title: t('money.programme'), dataIndex: 'programme', render: (p: string) => code('programme', p) },
          {
            title: t('money.budgets.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => <Money fen={v} />,
          },
          {
            title: t('money.budgets.used'),
            dataIndex: 'usedFen',
            align: 'right',
            render: (v: number) => <Money fen={v} />,
          },
          {
            title: t('money.budgets.remaining'),
            key: 'remaining',
            align: 'right',
            render: (_: unknown, b) => <Money fen={b.amountFen - b.usedFen} />,
          },
          {
            title: t('money.budgets.rate'),
            key: 'rate',
            width: 220,
            render: (_: unknown, b) => {
              const pct = b.amountFen > 0 ? Math.round((b.usedFen * 1000) / b.amountFen) / 10 : b.usedFen ? 100 : 0;
              return (
                <Progress percent={Math.min(pct, 100)} status={b.usedFen > b.amountFen ? 'exception' : 'normal'} />
              );
            },
          },
          {
            title: t('money.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, b) =>
              canWrite ? (
                <Button size="small" onClick={() => setEditing(b)}>
                  {t('money.budgets.adjust')}
                </Button>
              ) : null,
          },
        ]}
      />
      <BudgetModal orgId={orgId} year={year} editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
