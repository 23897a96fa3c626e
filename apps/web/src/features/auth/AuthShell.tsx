import { CheckCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../components/BrandMark';
import { LangSwitch } from '../../components/LangSwitch';

/** The frame of the sign-in pages: the system's name and purpose on the left, the form on the right. */
export function AuthShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const features = [t('login.feature1'), t('login.feature2'), t('login.feature3'), t('login.feature4')];
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background:
          'radial-gradient(circle at 15% 20%, rgba(255,255,255,0.08) 0, transparent 40%), linear-gradient(135deg, #7a0b11 0%, #b8141d 55%, #d4383f 100%)',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', padding: '16px 32px', gap: 12 }}>
        <BrandMark size={36} />
        <span style={{ color: '#fff', fontSize: 20, fontWeight: 600, letterSpacing: 2 }}>{t('app.title')}</span>
        <div style={{ flex: 1 }} />
        <LangSwitch style={{ color: '#fff' }} />
      </div>
      <div
        style={{
          flex: 1,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 96,
          padding: '24px 32px',
          flexWrap: 'wrap',
        }}
      >
        <div style={{ color: '#fff', maxWidth: 460 }}>
          <Typography.Title level={2} style={{ color: '#fff', marginTop: 0, letterSpacing: 2 }}>
            {t('login.headline')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 15 }}>
            {t('login.lead')}
          </Typography.Paragraph>
          <ul style={{ listStyle: 'none', padding: 0, margin: '24px 0 0' }}>
            {features.map((f) => (
              <li key={f} style={{ margin: '10px 0', fontSize: 15, color: 'rgba(255,255,255,0.92)' }}>
                <CheckCircleFilled style={{ marginRight: 10, color: '#ffd666' }} />
                {f}
              </li>
            ))}
          </ul>
        </div>
        {children}
      </div>
      <div style={{ textAlign: 'center', color: 'rgba(255,255,255,0.7)', fontSize: 12, padding: 16 }}>
        {t('login.footer')}
      </div>
    </div>
  );
}
