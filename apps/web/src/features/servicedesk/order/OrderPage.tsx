import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { useOrder } from '../api';
import { useDeskCode } from '../codes';
import { DueDate, StatusTag } from '../ui';
import { Attachments } from './Attachments';
import { type Open, OrderActions } from './OrderActions';
import { HandlingCard, OrderFacts, PersonCard } from './OrderFacts';
import { OrderTimeline } from './OrderTimeline';

/** /work-orders/:id — everything about the order, its history, and what the user may do now. */
export function OrderPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const code = useDeskCode();
  const errorText = useErrorText();
  const order = useOrder(id);
  const [open, setOpen] = useState<Open | null>(null);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/work-orders')}>
      {t('servicedesk.order.back')}
    </Button>
  );
  if (order.error)
    return <Result status="warning" title={errorText(order.error)} extra={back} data-testid="order-error" />;
  const o = order.data;
  if (!o) return <Spin style={{ display: 'block', margin: 80 }} />;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="order-no">{o.orderNo}</span>
            <StatusTag status={o.status} />
            {o.urgency === 'urgent' && <Tag color="red">{code('urgency', 'urgent')}</Tag>}
          </Space>
        }
        subtitle={
          <Space wrap size={[12, 0]}>
            <span>
              {t('servicedesk.field.node')}
              {t('servicedesk.colon')}
              {o.org.name}
            </span>
            <span>
              {t('servicedesk.field.owner')}
              {t('servicedesk.colon')}
              {o.owner?.name ?? '—'}
            </span>
            <span>
              {t('servicedesk.field.dueOn')}
              {t('servicedesk.colon')}
              <DueDate o={o} />
            </span>
          </Space>
        }
        extra={back}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <OrderActions o={o} open={open} setOpen={setOpen} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <PersonCard o={o} />
          <OrderFacts o={o} />
          <HandlingCard o={o} onReport={(supervisionId) => setOpen({ kind: 'report', supervisionId })} />
          <Attachments o={o} />
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('servicedesk.order.history')}>
            <OrderTimeline actions={o.actions} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
