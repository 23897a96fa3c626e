import type { Org } from '@bangfu/contracts';
import { useQueries } from '@tanstack/react-query';
import { Breadcrumb } from 'antd';
import { fetchOrg, orgKeys } from './api';
import { ancestorIds } from './useOrgTree';

/** The names from the caller's top node down to an org (nodes above the caller's scope are never asked for). */
export function OrgPathNames({ org, topId }: { org: Org; topId: number }) {
  const ids = ancestorIds(org, topId);
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: orgKeys.one(id), queryFn: () => fetchOrg(id), staleTime: 60_000 })),
  });
  const items = [
    ...ids.map((id, i) => ({ key: id, title: results[i]?.data?.name ?? '…' })),
    { key: org.id, title: org.name },
  ];
  return <Breadcrumb items={items} separator="/" />;
}
