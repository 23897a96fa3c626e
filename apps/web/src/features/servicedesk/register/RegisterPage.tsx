import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { Link } from '../../../lib/router';
import type { WorkOrderSummary } from '../api';
import { RegisterForm } from './RegisterForm';

/** /work-orders/new: register a letter, visit, call, 12351 call or online message; the last one saved stays in view. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<{ o: WorkOrderSummary; done: number; failed: string[] } | null>(null);
  return (
    <>
      <PageHeader title={t('servicedesk.register.title')} subtitle={t('servicedesk.register.subtitle')} />
      {saved && <Saved {...saved} />}
      <Card>
        <RegisterForm onSaved={(o, u) => setSaved({ o, ...u })} />
      </Card>
    </>
  );
}

function Saved({ o, done, failed }: { o: WorkOrderSummary; done: number; failed: string[] }) {
  const { t } = useTranslation();
  const days = t('servicedesk.due.days', { count: o.dueDays });
  return (
    <Alert
      type="success"
      showIcon
      icon={<CheckCircleFilled />}
      style={{ marginBottom: 16 }}
      data-testid="register-saved"
      title={
        <Space wrap size={[16, 4]} align="baseline">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('servicedesk.register.saved')}
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="saved-order-no">
            {o.orderNo}
          </Typography.Text>
          <span data-testid="saved-due">
            {o.urgency === 'urgent'
              ? t('servicedesk.register.savedUrgent', { orderNo: o.orderNo, dueOn: o.dueOn })
              : t('servicedesk.register.savedDetail', { orderNo: o.orderNo, dueOn: o.dueOn, days })}
          </span>
          <Link to={`/work-orders/${o.id}`}>{t('servicedesk.register.open')}</Link>
        </Space>
      }
      description={
        <Space orientation="vertical" size={2}>
          {o.owner && <span>{t('servicedesk.register.owner', { name: o.owner.name })}</span>}
          {o.repeatOf !== null && (
            <span>
              {t('servicedesk.register.repeat')}{' '}
              <Link to={`/work-orders/${o.repeatOf}`}>{t('servicedesk.register.openRepeat')}</Link>
            </span>
          )}
          {done > 0 && <span>{t('servicedesk.register.uploaded', { count: done })}</span>}
          {failed.map((f) => (
            <Typography.Text key={f} type="danger">
              {f}
            </Typography.Text>
          ))}
        </Space>
      }
    />
  );
}
