import { type Org, orgTypeLabels } from '@bangfu/contracts';
import { Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n';
import { useChildrenPage } from './api';
import { OrgStatusTag } from './OrgDetail';

/** The direct children of the selected node, a page at a time. */
export function OrgChildrenTable({ parent, onOpen }: { parent: Org; onOpen: (org: Org) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const children = useChildrenPage(parent.id, page, pageSize);

  return (
    <Card
      title={t('orgs.children.title', { count: children.data?.total ?? parent.childCount })}
      style={{ marginTop: 16 }}
    >
      <Table<Org>
        size="middle"
        rowKey="id"
        loading={children.isFetching}
        dataSource={children.data?.items ?? []}
        locale={{ emptyText: t('orgs.children.none') }}
        pagination={{
          current: page,
          pageSize,
          total: children.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('orgs.field.name'),
            dataIndex: 'name',
            render: (name: string, o) => <Typography.Link onClick={() => onOpen(o)}>{name}</Typography.Link>,
          },
          {
            title: t('orgs.field.type'),
            dataIndex: 'type',
            width: 150,
            render: (ty: Org['type']) => label(orgTypeLabels[ty]),
          },
          {
            title: t('orgs.field.divisionCode'),
            dataIndex: 'divisionCode',
            width: 150,
            render: (c: string | null) => c ?? t('common.none'),
          },
          { title: t('orgs.field.childCount'), dataIndex: 'childCount', width: 110, align: 'right' },
          {
            title: t('orgs.field.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Org['status']) => <OrgStatusTag status={s} />,
          },
        ]}
      />
    </Card>
  );
}
