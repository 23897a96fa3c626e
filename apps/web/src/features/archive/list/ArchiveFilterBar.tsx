import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { causes, fileStatuses, grades } from '@bangfu/contracts';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../../components/OrgSelect';
import type { HouseholdFilters } from '../api';
import { useCodeOptions } from '../codes';

type Values = Pick<HouseholdFilters, 'q' | 'idNumber' | 'phone' | 'fileNo' | 'status' | 'grade' | 'cause' | 'orgId'>;

const trim = (v?: string) => v?.trim() || undefined;

/** 姓名（含拼音首字母）, 身份证号（完整或部分）, 手机号, 档案编号, 状态, 困难类别, 致困原因, 所属组织（含下级）. */
export function ArchiveFilterBar({
  initial,
  onApply,
}: {
  initial: HouseholdFilters;
  onApply: (f: HouseholdFilters) => void;
}) {
  const { t } = useTranslation();
  const options = useCodeOptions();
  const [form] = Form.useForm<Values>();
  const apply = (v: Values) =>
    onApply({
      q: trim(v.q),
      idNumber: trim(v.idNumber),
      phone: trim(v.phone),
      fileNo: trim(v.fileNo),
      status: v.status,
      grade: v.grade,
      cause: v.cause,
      orgId: v.orgId ?? undefined,
    });
  return (
    <Form
      form={form}
      name="archiveFilter"
      layout="inline"
      initialValues={initial}
      onFinish={apply}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="archive-filters"
    >
      <Form.Item name="q" label={t('archive.filter.q')}>
        <Input allowClear placeholder={t('archive.filter.qPlaceholder')} style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('archive.field.idNumber')}>
        <Input allowClear placeholder={t('archive.filter.idPlaceholder')} style={{ width: 190 }} />
      </Form.Item>
      <Form.Item name="phone" label={t('archive.field.phone')}>
        <Input allowClear style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="fileNo" label={t('archive.field.fileNo')}>
        <Input allowClear style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="status" label={t('archive.field.status')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 140 }}
          options={options('status', fileStatuses.codes)}
        />
      </Form.Item>
      <Form.Item name="grade" label={t('archive.field.grade')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 120 }}
          options={options('grade', grades.codes)}
        />
      </Form.Item>
      <Form.Item name="cause" label={t('archive.field.mainCause')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 160 }}
          options={options('cause', causes.codes)}
        />
      </Form.Item>
      <Form.Item name="orgId" label={t('archive.filter.subtree')}>
        <OrgSelect allowClear style={{ width: 220 }} placeholder={t('archive.filter.anyOrg')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            form.setFieldsValue(Object.fromEntries(Object.keys(form.getFieldsValue()).map((k) => [k, undefined])));
            apply({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
