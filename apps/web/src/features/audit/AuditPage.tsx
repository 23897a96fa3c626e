import type { AuditEntry } from '@bangfu/contracts';
import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useErrorText } from '../../lib/errors';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditVerifyButton } from './AuditVerifyButton';
import { type AuditFilters, useAudit } from './api';
import { useActionLabel, useEntityLabel } from './labels';

function Json({ value, title }: { value: unknown; title: string }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      {value === null || value === undefined ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ margin: '8px 0' }} />
      ) : (
        <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}

const actionColor = (a: string) =>
  /failed|locked/.test(a)
    ? 'red'
    : a.startsWith('auth.')
      ? 'blue'
      : a.startsWith('org.')
        ? 'purple'
        : a.startsWith('user.')
          ? 'cyan'
          : 'default';

/** 审计日志: the append-only, hash-chained log of the caller's subtree, newest first. */
export default function AuditPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const audit = useAudit(filters, page, pageSize);

  return (
    <>
      <PageHeader title={t('menu.audit')} subtitle={t('audit.subtitle')} extra={<AuditVerifyButton />} />
      <Card>
        <AuditFilterBar
          onApply={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={audit.isFetching}
          dataSource={audit.data?.items ?? []}
          locale={{ emptyText: audit.error ? errorText(audit.error) : undefined }}
          scroll={{ x: 1000 }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={16}>
                <Col span={12}>
                  <Json title={t('audit.field.before')} value={e.before} />
                </Col>
                <Col span={12}>
                  <Json title={t('audit.field.after')} value={e.after} />
                </Col>
                <Col span={24} style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('audit.field.hash')}: <Typography.Text code>{e.hash}</Typography.Text>
                  </Typography.Text>
                </Col>
              </Row>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={[
            {
              title: t('audit.field.at'),
              dataIndex: 'at',
              width: 170,
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              title: t('audit.field.actor'),
              key: 'actor',
              width: 150,
              render: (_: unknown, e) => (
                <span>
                  {e.actorName ?? t('audit.system')}
                  {e.actorId !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      #{e.actorId}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: t('audit.field.action'),
              dataIndex: 'action',
              width: 200,
              render: (a: string) => (
                <Tag color={actionColor(a)} title={a}>
                  {actionLabel(a)}
                </Tag>
              ),
            },
            {
              title: t('audit.field.entity'),
              key: 'entity',
              width: 150,
              render: (_: unknown, e) => `${entityLabel(e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}`,
            },
            { title: t('audit.field.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
            {
              title: t('audit.field.seq'),
              key: 'seq',
              width: 110,
              render: (_: unknown, e) => (
                <Typography.Text type="secondary">
                  {e.chain}-{e.seq}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
