import { type Org, orgTypeLabels } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../i18n';
import { api, type Page } from '../lib/api';

export interface OrgSelectProps {
  value?: number | null;
  onChange?: (id: number | undefined, org?: Org) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Return a reason to show an org disabled (e.g. a type that cannot hold the child). */
  disabledReason?: (org: Org) => string | null;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/**
 * Pick an organisation of the caller's subtree by typing part of its name (server-side search, 20 at a
 * time): never loads the whole tree.
 */
export function OrgSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  disabledReason,
  style,
  ...rest
}: OrgSelectProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const found = useQuery({
    queryKey: ['orgs', 'select', q],
    queryFn: () => api.get<Page<Org>>('/orgs', { q: q || undefined, limit: 20, status: 'active' }),
    staleTime: 30_000,
  });
  const current = useQuery({
    queryKey: ['orgs', 'one', value ?? 0],
    queryFn: () => api.get<Org>(`/orgs/${value}`),
    enabled: !!value && !found.data?.items.some((o) => o.id === value),
    staleTime: 60_000,
  });
  const list = [...(found.data?.items ?? [])];
  if (current.data && !list.some((o) => o.id === current.data.id)) list.unshift(current.data);

  return (
    <Select<number>
      {...rest}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('orgSelect.placeholder')}
      allowClear={allowClear}
      loading={found.isFetching}
      style={style}
      notFoundContent={found.isFetching ? t('common.loading') : t('orgSelect.none')}
      onChange={(id) => {
        setText('');
        onChange?.(
          id ?? undefined,
          list.find((o) => o.id === id),
        );
      }}
      options={list.map((o) => {
        const reason = disabledReason?.(o) ?? null;
        return {
          value: o.id,
          disabled: !!reason,
          title: reason ?? o.name,
          label: (
            <span>
              {o.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                {reason ?? label(orgTypeLabels[o.type])}
              </Typography.Text>
            </span>
          ),
        };
      })}
    />
  );
}
