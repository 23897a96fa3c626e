import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  pending: 'processing',
  pending_upper: 'purple',
  on_notice: 'gold',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function ChangeStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="change-status">
      {t(`changes.status.${status}`, status)}
    </Tag>
  );
}

/** The kinds of a change, short (the label up to its bracket), apart from each other. */
export function KindTags({ kinds }: { kinds: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {kinds.map((k) => (
        <Tag key={k}>{t(`changes.kind.${k}`, k).replace(/[（(].*$/, '')}</Tag>
      ))}
    </Space>
  );
}
