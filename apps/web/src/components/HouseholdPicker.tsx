import type { HouseholdListItem } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../lib/api';

/** Help, goods and certificates go to files in the archive: 在档 and 解困. */
export const IN_ARCHIVE = ['filed', 'relieved'] as const;

/**
 * Pick a household in the archive (在档/解困), under a node when given, by name, pinyin or file number: the
 * archive's own search (GET /households?q=…&status=filed,relieved), 20 at a time.
 */
export function HouseholdPicker({
  orgId,
  value,
  onChange,
  id,
}: {
  orgId?: number;
  value?: number;
  onChange?: (id: number | undefined, h?: HouseholdListItem) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(h);
  }, [text]);
  const found = useQuery({
    queryKey: ['households', 'pick', orgId, q],
    queryFn: () =>
      api.get<Page<HouseholdListItem>>('/households', {
        q: q || undefined,
        orgId,
        status: IN_ARCHIVE.join(','),
        limit: 20,
      }),
    staleTime: 30_000,
  });
  const list = found.data?.items ?? [];
  return (
    <Select<number>
      id={id}
      value={value}
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={t('goods.household.placeholder')}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? t('common.loading') : t('goods.household.none')}
      onChange={(v) =>
        onChange?.(
          v,
          list.find((h) => h.id === v),
        )
      }
      options={list.map((h) => ({
        value: h.id,
        label: (
          <span>
            {h.name}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
              {h.fileNo} · {h.orgName} · {h.idMasked}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}
