import { Typography } from 'antd';
import type { ReactNode } from 'react';

export interface SummaryItem {
  key: string;
  label: ReactNode;
  value: ReactNode;
  testId?: string;
}

/**
 * A bar of label: value pairs that wraps between pairs, never inside one: a figure ("416.66 元"), an ID or a date
 * stays on its line whatever the language and the width (antd's Descriptions gives every column the same width
 * and breaks long English labels and their values one character per line).
 */
export function SummaryBar({ items, testId }: { items: SummaryItem[]; testId?: string }) {
  return (
    <div data-testid={testId} style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 32px', alignItems: 'center' }}>
      {items.map((i) => (
        <div key={i.key} style={{ display: 'flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{i.label}:</Typography.Text>
          <span data-testid={i.testId}>{i.value}</span>
        </div>
      ))}
    </div>
  );
}
