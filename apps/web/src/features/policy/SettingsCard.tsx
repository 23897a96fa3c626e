import { App, Button, Card, Form, InputNumber, Space, Switch, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { useArchiveSettings, usePutSettings } from './api';

/**
 * 公示与复核: the node's notice days, review interval and whether a grade change by a change request is noticed
 * again (inherited down the tree unless set).
 */
export function SettingsCard({ orgId, canWrite }: { orgId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const settings = useArchiveSettings(orgId);
  const put = usePutSettings(orgId);
  const [form] = Form.useForm<{ noticeDays: number; reviewMonths: number; renoticeGradeChange: boolean }>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const s = settings.data;
  return (
    <Card size="small" title={t('policy.settings.title')} loading={settings.isPending} data-testid="archive-settings">
      {settings.error ? (
        <Typography.Text type="danger">{errorText(settings.error)}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {s?.definedAt === orgId
              ? t('policy.settings.own')
              : s?.definedAt
                ? t('policy.settings.inherited', { id: s.definedAt })
                : t('policy.settings.default')}
          </Typography.Paragraph>
          <Form
            form={form}
            layout="inline"
            name="archiveSettings"
            disabled={!canWrite}
            onFinish={(v) =>
              put.mutate(v, {
                onSuccess: () => message.success(t('policy.settings.saved')),
                onError: (e) => message.error(errorText(e)),
              })
            }
          >
            <Form.Item name="noticeDays" label={t('policy.settings.noticeDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} precision={0} suffix={t('policy.settings.days')} />
            </Form.Item>
            <Form.Item name="reviewMonths" label={t('policy.settings.reviewMonths')} rules={[{ required: true }]}>
              <InputNumber min={1} max={12} precision={0} suffix={t('policy.settings.months')} />
            </Form.Item>
            <Tooltip title={t('changes.settings.renoticeHint')}>
              <Form.Item name="renoticeGradeChange" label={t('changes.settings.renotice')} valuePropName="checked">
                <Switch data-testid="renotice-switch" />
              </Form.Item>
            </Tooltip>
            {canWrite && (
              <Space>
                <Button type="primary" htmlType="submit" loading={put.isPending}>
                  {t('common.save')}
                </Button>
              </Space>
            )}
          </Form>
        </>
      )}
    </Card>
  );
}
