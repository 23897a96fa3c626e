import { type Org, orgTypeLabels } from '@bangfu/contracts';
import { Empty, Pagination, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { useOrgSearch } from './api';

const PAGE = 20;

/** Search hits inside the caller's subtree (the server never returns anything outside it). */
export function OrgSearchResults({
  q,
  page,
  onPage,
  selectedId,
  onSelect,
}: {
  q: string;
  page: number;
  onPage: (p: number) => void;
  selectedId: number | null;
  onSelect: (org: Org) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const search = useOrgSearch(q, page);
  const items = search.data?.items ?? [];
  const total = search.data?.total ?? 0;

  return (
    <div data-testid="org-search-results">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {search.data ? t('orgs.tree.found', { count: total, q }) : t('common.loading')}
      </Typography.Text>
      <Spin spinning={search.isFetching}>
        {search.error ? (
          <Typography.Paragraph type="danger">{errorText(search.error)}</Typography.Paragraph>
        ) : search.data && items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.tree.noMatch')} />
        ) : (
          <ul style={{ listStyle: 'none', margin: '8px 0', padding: 0 }}>
            {items.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  onClick={() => onSelect(o)}
                  style={{
                    width: '100%',
                    textAlign: 'left',
                    border: 'none',
                    borderBottom: '1px solid #f0f0f0',
                    padding: '8px 10px',
                    cursor: 'pointer',
                    background: o.id === selectedId ? '#fdecec' : 'transparent',
                    font: 'inherit',
                  }}
                >
                  <span style={{ color: o.status === 'active' ? undefined : '#999' }}>{o.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                    {label(orgTypeLabels[o.type])}
                    {o.divisionCode ? ` · ${o.divisionCode}` : ''}
                  </Typography.Text>
                  {o.status !== 'active' && <Tag style={{ marginLeft: 6 }}>{t('orgs.status.inactive')}</Tag>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Spin>
      {total > PAGE && (
        <Pagination size="small" simple current={page} pageSize={PAGE} total={total} onChange={onPage} />
      )}
    </div>
  );
}
