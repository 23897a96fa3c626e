import type { HouseholdListItem } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../lib/api';
import { useMoneyCode } from '../codes';

const IN_ARCHIVE = ['filed', 'relieved'];

/** Pick a household of the caller's subtree by name, file number or pinyin (server search, 20 at a time). */
export function HouseholdSelect({
  value,
  onChange,
  id,
}: {
  value?: number;
  onChange?: (id: number | undefined, h?: HouseholdListItem) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(h);
  }, [text]);
  const found = useQuery({
    queryKey: ['households', 'money-select', q],
    queryFn: () => api.get<Page<HouseholdListItem>>('/households', { q: q || undefined, limit: 20 }),
    staleTime: 30_000,
  });
  const list = found.data?.items ?? [];
  return (
    <Select<number>
      id={id}
      value={value}
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={t('money.applications.householdPlaceholder')}
      loading={found.isFetching}
      notFoundContent={t('money.applications.noHousehold')}
      onChange={(v) =>
        onChange?.(
          v,
          list.find((h) => h.id === v),
        )
      }
      options={list.map((h) => {
        const inArchive = IN_ARCHIVE.includes(h.status);
        return {
          value: h.id,
          disabled: !inArchive,
          label: (
            <span>
              {h.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                {h.fileNo} · {h.orgName} · {inArchive ? code('grade', h.grade) : t('money.applications.notInArchive')}
              </Typography.Text>
            </span>
          ),
        };
      })}
    />
  );
}
