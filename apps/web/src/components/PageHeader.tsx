import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The white title bar on top of each page. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div
      style={{
        background: '#fff',
        padding: '14px 20px',
        marginBottom: 16,
        borderRadius: 4,
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        borderLeft: '4px solid #b8141d',
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {subtitle}
          </Typography.Text>
        )}
      </div>
      {extra}
    </div>
  );
}
