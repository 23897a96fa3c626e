import { DownloadOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { User } from '@bangfu/contracts';
import { App, Button, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect';
import { download } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { usePermission } from '../auth';
import { type UserFilters, useUsers } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RoleTags, useRoleOptions } from './RoleTags';
import { UserFormModal, type UserFormTarget } from './UserFormModal';

function StatusCell({ u }: { u: User }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {u.status === 'active' ? (
        <Tag color="success">{t('users.status.active')}</Tag>
      ) : (
        <Tag>{t('users.status.disabled')}</Tag>
      )}
      {u.locked && <Tag color="error">{t('users.status.locked')}</Tag>}
      {u.mustChangePassword && (
        <Tooltip title={t('users.status.mustChangeHint')}>
          <Tag color="warning">{t('users.status.mustChange')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** 账号管理: filters, the paged table, create/edit/reset. */
export function UserListTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const can = usePermission();
  const canWrite = can('user.write');
  const roleOptions = useRoleOptions();
  const [filterForm] = Form.useForm<UserFilters>();
  const [filters, setFilters] = useState<UserFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [form, setForm] = useState<UserFormTarget | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useUsers(filters, page, pageSize);

  const apply = (v: UserFilters) => {
    setFilters({ q: v.q?.trim() || undefined, role: v.role, status: v.status, orgId: v.orgId });
    setPage(1);
  };
  const exportCsv = () => download('/users/export.csv', 'users.csv').catch((e: unknown) => message.error(errorText(e)));

  return (
    <>
      <Form
        form={filterForm}
        name="userFilter"
        layout="inline"
        onFinish={apply}
        style={{ rowGap: 12, marginBottom: 16 }}
        data-testid="user-filters"
      >
        <Form.Item name="q" label={t('users.filter.q')}>
          <Input allowClear placeholder={t('users.filter.qPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.field.org')}>
          <OrgSelect allowClear style={{ width: 220 }} placeholder={t('users.filter.anyOrg')} />
        </Form.Item>
        <Form.Item name="role" label={t('users.field.roles')}>
          <Select allowClear options={roleOptions} style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="status" label={t('users.field.status')}>
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t('common.all')}
            options={[
              { value: 'active', label: t('users.status.active') },
              { value: 'disabled', label: t('users.status.disabled') },
            ]}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              filterForm.resetFields();
              apply({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      <Space style={{ marginBottom: 12 }}>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ mode: 'create', orgId: filters.orgId })}
          >
            {t('users.action.create')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()}>
          {t('users.action.export')}
        </Button>
      </Space>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        locale={{ emptyText: users.error ? errorText(users.error) : undefined }}
        scroll={{ x: 1100 }}
        data-testid="user-table"
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showQuickJumper: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('users.field.username'), dataIndex: 'username', width: 140, fixed: 'left' },
          { title: t('users.field.displayName'), dataIndex: 'displayName', width: 110 },
          { title: t('users.field.org'), dataIndex: 'orgName', width: 180, ellipsis: true },
          {
            title: t('users.field.roles'),
            dataIndex: 'roles',
            render: (_: unknown, u) => <RoleTags value={u.roles} />,
          },
          {
            title: t('users.field.phone'),
            dataIndex: 'phone',
            width: 130,
            render: (p: string | null) => p ?? t('common.none'),
          },
          {
            title: t('users.field.status'),
            key: 'status',
            width: 150,
            render: (_: unknown, u) => <StatusCell u={u} />,
          },
          {
            title: t('users.field.lastLogin'),
            dataIndex: 'lastLoginAt',
            width: 150,
            render: (v: string | null) =>
              v ? (
                dayjs(v).format('YYYY-MM-DD HH:mm')
              ) : (
                <Typography.Text type="secondary">{t('users.neverSignedIn')}</Typography.Text>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 150,
                  fixed: 'right' as const,
                  render: (_: unknown, u: User) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setForm({ mode: 'edit', user: u })}>
                        {t('common.edit')}
                      </Button>
                      <Button type="link" size="small" onClick={() => setResetting(u)}>
                        {t('users.action.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <UserFormModal target={form} onClose={() => setForm(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
