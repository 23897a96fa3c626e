import type { Org } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { InputNumber, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect';
import { api } from '../../lib/api';
import { batchStatusColor, grantStatusColor, useMoneyCode } from './codes';
import { yuan } from './money';

/** A 元 amount with two decimals (string mode, so 0.1 + 0.2 never happens); the form converts to 分. */
export function YuanInput(props: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  min?: string;
  placeholder?: string;
  'data-testid'?: string;
}) {
  return (
    <InputNumber<string>
      {...props}
      stringMode
      min={props.min ?? '0'}
      max="999999999.99"
      precision={2}
      step="100"
      prefix="¥"
      style={{ width: '100%' }}
    />
  );
}

/** ¥1,975.00, right-aligned figures. */
export function Money({ fen, testId, strong }: { fen: number | null | undefined; testId?: string; strong?: boolean }) {
  return (
    <span
      data-testid={testId}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}
    >
      {yuan(fen)}
    </span>
  );
}

export function BatchStatusTag({ status }: { status: string }) {
  const code = useMoneyCode();
  return (
    <Tag color={batchStatusColor[status] ?? 'default'} data-testid="batch-status">
      {code('batchStatus', status)}
    </Tag>
  );
}

export function GrantStatusTag({ status }: { status: string }) {
  const code = useMoneyCode();
  return <Tag color={grantStatusColor[status] ?? 'default'}>{code('grantStatus', status)}</Tag>;
}

/** The node a money page works on (the caller's own by default), with room for more filters. */
export function NodeBar({
  orgId,
  onChange,
  id,
  children,
}: {
  orgId: number;
  onChange: (id: number) => void;
  id: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[12, 8]}>
      <label htmlFor={id}>{t('money.node')}</label>
      <OrgSelect id={id} value={orgId} onChange={(v) => v && onChange(v)} style={{ width: 260 }} />
      {children}
    </Space>
  );
}

/** The search parameters of the current address (the router keeps only the path). */
export function searchParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

export function numberParam(name: string): number | undefined {
  const v = Number(searchParam(name));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

/** An organisation's name by id (cached with the org select's queries). */
export function OrgName({ id }: { id: number }) {
  const org = useQuery({ queryKey: ['orgs', 'one', id], queryFn: () => api.get<Org>(`/orgs/${id}`), retry: false });
  return <>{org.data?.name ?? `#${id}`}</>;
}
