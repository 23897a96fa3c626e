import { FolderOpenOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { usePermission } from '../../auth';
import { useCallerHistory } from '../api';
import { CategoryTags, DueDate, PersonName, StatusTag } from '../ui';

/**
 * The caller's earlier orders, shown as soon as a whole phone number or ID is typed (the server's audited lookup);
 * each opens in a new tab so the registration in progress stays as it is.
 */
export function CallerPanel({ phone, idNumber }: { phone?: string; idNumber?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const can = usePermission();
  const history = useCallerHistory({ phone, idNumber });
  const items = history.data?.items ?? [];
  let body: React.ReactNode;
  if (!phone && !idNumber) body = <Typography.Text type="secondary">{t('servicedesk.caller.waiting')}</Typography.Text>;
  else if (history.error) body = <Alert type="warning" showIcon title={errorText(history.error)} />;
  else if (history.isLoading) body = <Spin />;
  else
    body = (
      <>
        {history.data?.household && (
          <Alert
            type="info"
            showIcon
            icon={<FolderOpenOutlined />}
            style={{ marginBottom: 12 }}
            data-testid="caller-file"
            title={
              can('archive.read') ? (
                <a href={`/archive/${history.data.household.id}`} target="_blank" rel="noreferrer">
                  {t('servicedesk.caller.file', history.data.household)}
                </a>
              ) : (
                t('servicedesk.caller.file', history.data.household)
              )
            }
          />
        )}
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('servicedesk.caller.none')} />
        ) : (
          <List
            size="small"
            data-testid="caller-orders"
            dataSource={items}
            renderItem={(o) => (
              <List.Item key={o.id} style={{ display: 'block' }}>
                <Space wrap size={[8, 2]}>
                  <a href={`/work-orders/${o.id}`} target="_blank" rel="noreferrer">
                    {o.orderNo}
                  </a>
                  <Typography.Text type="secondary">{o.receivedOn}</Typography.Text>
                  <StatusTag status={o.status} />
                  <PersonName person={o.person} />
                </Space>
                <div style={{ marginTop: 4 }}>
                  <CategoryTags categories={o.categories} />
                </div>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
                  {o.excerpt}
                </Typography.Paragraph>
                {o.status !== 'closed' && (
                  <Space size={4} style={{ marginTop: 2 }}>
                    <Tag color="gold">{t('servicedesk.caller.open')}</Tag>
                    <DueDate o={o} />
                  </Space>
                )}
              </List.Item>
            )}
          />
        )}
      </>
    );
  return (
    <Card
      size="small"
      data-testid="caller-panel"
      title={
        <Space>
          <HistoryOutlined />
          {t('servicedesk.caller.title')}
          {items.length > 0 && <Tag color="blue">{t('servicedesk.caller.count', { count: items.length })}</Tag>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('servicedesk.caller.hint')}
      </Typography.Paragraph>
      {body}
    </Card>
  );
}
