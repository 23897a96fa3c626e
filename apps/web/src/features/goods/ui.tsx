import { Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { certStateColor, movementColor, useGoodsCode } from './codes';

/**
 * Dates on paper (received, handed out, valid from) are calendar dates in China: "today" is the date in Beijing
 * (UTC+8), as the server compares them (clock.today()), whatever the browser's time zone: lib/today.
 */
export { afterToday, todayValue } from '../../lib/today';

/** A DatePicker value → '2026-11-23'. */
export const isoDate = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Text of a form field: trimmed, or undefined when empty (optional fields are left out of the request). */
export const optional = (v: string | null | undefined): string | undefined => v?.trim() || undefined;

export function MovementKindTag({ kind }: { kind: string }) {
  const code = useGoodsCode();
  return <Tag color={movementColor[kind] ?? 'default'}>{code('movementKind', kind)}</Tag>;
}

export function CertStateTag({ state }: { state: string }) {
  const code = useGoodsCode();
  return (
    <Tag color={certStateColor[state] ?? 'default'} data-testid="cert-state">
      {code('certState', state)}
    </Tag>
  );
}

/** Common units of donated goods, offered (not imposed) in the unit field. */
export const UNITS = ['袋', '桶', '箱', '件', '套', '床', '条', '瓶', '盒', '份', '个', '公斤'];
