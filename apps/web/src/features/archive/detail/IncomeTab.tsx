import { Alert, App, Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { todayValue } from '../../../lib/today';
import { usePermission } from '../../auth';
import { useIncomes, useRecordIncome } from '../api';
import { YuanInput } from '../intake/fields';
import { toFen, yuan } from '../money';
import type { HouseholdDetail, IncomeMonth } from '../types';

const FOLLOWED = ['filed', 'relieved'];

function RecordForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const record = useRecordIncome(id);
  const [form] = Form.useForm<{ month: Dayjs; income: string; note?: string }>();
  const submit = (v: { month: Dayjs; income: string; note?: string }) =>
    record.mutate(
      { month: v.month.format('YYYY-MM'), householdIncomeFen: toFen(v.income), note: v.note?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t('archive.income.recorded', { month: v.month.format('YYYY-MM') }));
          form.resetFields(['income', 'note']);
        },
        onError: (e) => message.error(errorText(e)),
      },
    );
  return (
    <Form form={form} layout="inline" name="incomeMonth" onFinish={submit} style={{ rowGap: 12 }}>
      <Form.Item
        name="month"
        label={t('archive.income.month')}
        initialValue={todayValue().subtract(1, 'month')}
        rules={[{ required: true, message: t('archive.income.monthRequired') }]}
      >
        <DatePicker picker="month" disabledDate={(d) => d.isAfter(todayValue(), 'month')} />
      </Form.Item>
      <Form.Item
        name="income"
        label={t('archive.income.householdIncome')}
        rules={[{ required: true, message: t('archive.income.incomeRequired') }]}
      >
        <YuanInput />
      </Form.Item>
      <Form.Item name="note" label={t('archive.income.note')}>
        <Input maxLength={500} style={{ width: 220 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t('archive.income.record')}
      </Button>
    </Form>
  );
}

/** 按月收入: the household's income month by month against the 低保 line; 6 months above it propose 脱困. */
export function IncomeTab({ file }: { file: HouseholdDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const can = usePermission();
  const incomes = useIncomes(file.id);
  if (incomes.error) {
    // The monthly-income routes arrive with the server's dynamic management: an unknown route answers NOT_FOUND.
    if (isApiError(incomes.error, 'NOT_FOUND'))
      return <Alert type="info" showIcon title={t('archive.income.unavailable')} data-testid="income-unavailable" />;
    return <Alert type="error" showIcon title={errorText(incomes.error)} />;
  }
  const data = incomes.data;
  const oh = data?.outOfHardship;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {oh?.proposed && (
        <Alert
          type="success"
          showIcon
          data-testid="exit-proposed"
          title={t('archive.income.exitProposed')}
          description={
            oh.explanation
              ? label(oh.explanation)
              : t('archive.income.exitProposedHint', { months: oh.consecutiveMonthsAbove, since: oh.since ?? '—' })
          }
        />
      )}
      {oh && !oh.proposed && (
        <Typography.Text type="secondary">
          {t('archive.income.consecutive', { months: oh.consecutiveMonthsAbove, required: oh.required ?? 6 })}
        </Typography.Text>
      )}
      {can('archive.write') && FOLLOWED.includes(file.status) && (
        <Card size="small" title={t('archive.income.recordTitle')}>
          <RecordForm id={file.id} />
        </Card>
      )}
      {can('archive.write') && !FOLLOWED.includes(file.status) && (
        <Typography.Text type="secondary">{t('archive.income.onlyFiled')}</Typography.Text>
      )}
      <Table<IncomeMonth>
        rowKey="month"
        size="small"
        loading={incomes.isPending}
        dataSource={data?.items ?? []}
        data-testid="income-table"
        pagination={{ pageSize: 12 }}
        columns={[
          { title: t('archive.income.month'), dataIndex: 'month', width: 90 },
          {
            title: t('archive.income.householdIncome'),
            dataIndex: 'householdIncomeFen',
            align: 'right',
            render: (v: number) => yuan(v),
          },
          { title: t('archive.field.householdSize'), dataIndex: 'householdSize', width: 80, align: 'right' },
          {
            title: t('archive.income.perCapita'),
            dataIndex: 'perCapitaFen',
            align: 'right',
            render: (v: number) => yuan(v),
          },
          {
            title: t('archive.income.dibaoLine'),
            dataIndex: 'dibaoLineFen',
            align: 'right',
            render: (v: number | null) => (v === null ? t('archive.income.noLine') : yuan(v)),
          },
          {
            title: t('archive.income.vsLine'),
            dataIndex: 'aboveLine',
            width: 100,
            render: (v: boolean, r) =>
              r.dibaoLineFen === null ? (
                '—'
              ) : v ? (
                <Tag color="green">{t('archive.income.above')}</Tag>
              ) : (
                <Tag>{t('archive.income.below')}</Tag>
              ),
          },
          { title: t('archive.income.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          {
            title: t('archive.income.recordedBy'),
            key: 'by',
            width: 190,
            render: (_: unknown, r) => `${r.recordedBy} ${dayjs(r.recordedAt).format('YYYY-MM-DD HH:mm')}`,
          },
        ]}
      />
    </Space>
  );
}
