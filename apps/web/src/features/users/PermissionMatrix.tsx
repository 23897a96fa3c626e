import { CheckOutlined } from '@ant-design/icons';
import { type Action, actionLabels, actions, permissionMatrix, type Role, roleLabels, roles } from '@bangfu/contracts';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n';

interface Row {
  action: Action;
}

/** 权限矩阵: contracts' permissionMatrix, one row per action, one column per role (read-only). */
export function PermissionMatrix() {
  const { t } = useTranslation();
  const label = useLabel();
  const columns: ColumnsType<Row> = [
    {
      title: t('users.matrix.action'),
      dataIndex: 'action',
      fixed: 'left',
      width: 280,
      render: (a: Action) => (
        <span>
          {label(actionLabels[a])}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
            {a}
          </Typography.Text>
        </span>
      ),
    },
    ...roles.map((r: Role) => ({
      title: <span style={{ fontSize: 12 }}>{label(roleLabels[r])}</span>,
      key: r,
      width: 104,
      align: 'center' as const,
      render: (_: unknown, row: Row) =>
        permissionMatrix[r].includes(row.action) ? (
          <CheckOutlined style={{ color: '#389e0d' }} aria-label={t('users.matrix.granted')} />
        ) : (
          <Typography.Text type="secondary">·</Typography.Text>
        ),
    })),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('users.matrix.intro')}</Typography.Paragraph>
      <Table<Row>
        size="small"
        bordered
        rowKey="action"
        pagination={false}
        scroll={{ x: 280 + roles.length * 104, y: 560 }}
        dataSource={actions.map((action) => ({ action }))}
        columns={columns}
        data-testid="permission-matrix"
      />
    </>
  );
}
