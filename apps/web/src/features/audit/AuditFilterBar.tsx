import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from './api';
import { KNOWN_ACTIONS, useActionLabel } from './labels';

interface Values {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: number | null;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** 操作类型 (exact, or a prefix ending in "."), 对象类型, 对象编号, 操作人编号, 时间范围. */
export function AuditFilterBar({ onApply }: { onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const [form] = Form.useForm<Values>();

  const apply = (v: Values) =>
    onApply({
      action: v.action?.trim() || undefined,
      entityType: v.entityType || undefined,
      entityId: v.entityId?.trim() || undefined,
      actorId: v.actorId ?? undefined,
      from: v.range?.[0]?.startOf('day').format() ?? undefined,
      to: v.range?.[1]?.endOf('day').format() ?? undefined,
    });

  const actionOptions = [
    { value: 'auth.', label: t('audit.prefix.auth') },
    { value: 'org.', label: t('audit.prefix.org') },
    { value: 'user.', label: t('audit.prefix.user') },
    ...KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)}（${a}）` })),
  ];

  return (
    <Form
      form={form}
      name="auditFilter"
      layout="inline"
      onFinish={apply}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="audit-filters"
    >
      <Form.Item name="action" label={t('audit.field.action')}>
        <AutoComplete
          allowClear
          options={actionOptions}
          style={{ width: 230 }}
          placeholder={t('audit.filter.actionPlaceholder')}
          showSearch={{
            filterOption: (input, o) =>
              String(o?.value ?? '').includes(input) || String(o?.label ?? '').includes(input),
          }}
        />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.field.entityType')}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('common.all')}
          options={[
            { value: 'org', label: t('audit.entity.org') },
            { value: 'user', label: t('audit.entity.user') },
          ]}
        />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.field.entityId')}>
        <Input allowClear style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="actorId" label={t('audit.field.actorId')}>
        <InputNumber min={1} precision={0} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.field.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
