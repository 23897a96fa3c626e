import { Button, Descriptions, Space, Table, type TableProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../../lib/router';
import { useFileStatus, useGoodsCode } from '../goods/codes';
import { CertStateTag } from '../goods/ui';
import type { Certificate } from './api';
import { RenewModal, RevokeModal } from './CertificateModals';

/** What a card says beyond its row: benefits, who issued it, its renewal and revocation. */
function CertificateDetails({ c }: { c: Certificate }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('goods.cert.benefits')} span={2}>
        {c.benefits}
      </Descriptions.Item>
      <Descriptions.Item label={t('goods.cert.issuedBy')}>
        {c.issuedBy ?? '—'} · {dayjs(c.issuedAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
      {c.note && <Descriptions.Item label={t('goods.note')}>{c.note}</Descriptions.Item>}
      {c.revokeReason && (
        <Descriptions.Item label={t('goods.cert.revokeReason')}>
          {c.revokeReason}（{c.revokedBy ?? ''} {c.revokedAt ? dayjs(c.revokedAt).format('YYYY-MM-DD') : ''}）
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * Certificates in a table: number, kind, holder (link to the file), validity, state, issuer; print, renew and
 * revoke on active cards. Used by the list, the to-revoke list and the household file.
 */
export function CertificateTable({
  items,
  loading,
  emptyText,
  canWrite,
  pagination,
  showHolder = true,
  revokeReason,
  testId,
}: {
  items: Certificate[];
  loading: boolean;
  emptyText: string;
  canWrite: boolean;
  pagination?: TableProps<Certificate>['pagination'];
  showHolder?: boolean;
  /** The reason offered when revoking from this table (the to-revoke list names the file's status). */
  revokeReason?: (c: Certificate) => string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const code = useGoodsCode();
  const fileStatus = useFileStatus();
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [renewing, setRenewing] = useState<Certificate | null>(null);
  return (
    <>
      <Table<Certificate>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        scroll={{ x: 1150 }}
        data-testid={testId}
        pagination={pagination ?? { pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText }}
        onRow={(c) => ({ 'data-testid': `cert-${c.number}` }) as React.HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (c) => <CertificateDetails c={c} /> }}
        columns={[
          {
            title: t('goods.cert.number'),
            dataIndex: 'number',
            width: 170,
            render: (v: string) => <span data-testid="cert-number">{v}</span>,
          },
          { title: t('goods.cert.kind'), dataIndex: 'kind', width: 90, render: (k: string) => code('certKind', k) },
          ...(showHolder
            ? [
                {
                  title: t('goods.cert.holder'),
                  key: 'holder',
                  width: 230,
                  render: (_: unknown, c: Certificate) => (
                    <Space size={4} wrap>
                      <Link to={`/archive/${c.household.id}`}>{c.household.name}</Link>
                      <span style={{ color: '#888', fontSize: 12, whiteSpace: 'nowrap' }}>{c.household.fileNo}</span>
                      {!c.household.inArchive && <Tag color="orange">{fileStatus(c.household.status)}</Tag>}
                    </Space>
                  ),
                },
                { title: t('goods.cert.org'), dataIndex: 'orgName', width: 150 },
              ]
            : []),
          {
            title: t('goods.cert.validity'),
            key: 'validity',
            width: 200,
            render: (_: unknown, c: Certificate) => `${c.validFrom} ~ ${c.validUntil}`,
          },
          {
            title: t('goods.cert.state'),
            dataIndex: 'state',
            width: 130,
            render: (s: string) => <CertStateTag state={s} />,
          },
          { title: t('goods.cert.issuer'), key: 'issuer', width: 150, render: (_: unknown, c) => c.issuer.name },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, c) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => navigate(`/certificates/${c.id}/print`)}>
                  {t('goods.cert.print')}
                </Button>
                {canWrite && c.status === 'active' && (
                  <>
                    {c.household.inArchive && (
                      <Button type="link" size="small" onClick={() => setRenewing(c)}>
                        {t('goods.cert.renew')}
                      </Button>
                    )}
                    <Button type="link" size="small" danger onClick={() => setRevoking(c)}>
                      {t('goods.cert.revoke')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RevokeModal
        cert={revoking}
        defaultReason={revoking && revokeReason ? revokeReason(revoking) : undefined}
        onClose={() => setRevoking(null)}
      />
      <RenewModal cert={renewing} onClose={() => setRenewing(null)} />
    </>
  );
}
