import { SaveOutlined } from '@ant-design/icons';
import type { ServiceDeskSettings } from '@bangfu/contracts';
import { Alert, App, Button, Card, Form, InputNumber, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { usePermission } from '../../auth';
import { useCurrentUser } from '../../auth/api';
import { NodeBar, numberParam } from '../../money/ui';
import { useDeskSettings, useSaveDeskSettings } from '../api';

/** 办理时限 (/work-order-settings?orgId): a node's deadlines in working days, its own or inherited, and their edit. */
export default function DeadlineSettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = usePermission();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [orgId, setOrgId] = useState(() => numberParam('orgId') ?? me.orgId);
  const settings = useDeskSettings(orgId);
  const save = useSaveDeskSettings(orgId);
  const [form] = Form.useForm<ServiceDeskSettings>();
  const canEdit = can('servicedesk.supervise');
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const s = settings.data;
  const days = (name: keyof ServiceDeskSettings, label: string, max: number, unit: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, type: 'number', min: 1, max }]}>
      <InputNumber min={1} max={max} precision={0} disabled={!canEdit} suffix={unit} style={{ width: 200 }} />
    </Form.Item>
  );
  const wd = t('servicedesk.settings.workingDays');
  return (
    <>
      <PageHeader title={t('servicedesk.menu.settings')} subtitle={t('servicedesk.settings.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="settings-org" orgId={orgId} onChange={setOrgId} />
      </Card>
      <Card>
        {!s ? (
          <Spin />
        ) : (
          <>
            <Space wrap style={{ marginBottom: 16 }} data-testid="settings-source">
              {s.definedAt === orgId ? (
                <Tag color="blue">{t('servicedesk.settings.own')}</Tag>
              ) : s.definedAt === null ? (
                <Tag>{t('servicedesk.settings.defaults')}</Tag>
              ) : (
                <Tag color="purple">{t('servicedesk.settings.inherited')}</Tag>
              )}
            </Space>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('servicedesk.settings.urgent')} />
            <Form<ServiceDeskSettings>
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={async (v) => {
                try {
                  await save.mutateAsync({
                    generalDays: v.generalDays,
                    difficultDays: v.difficultDays,
                    complexDays: v.complexDays,
                    dueSoonDays: v.dueSoonDays,
                    repeatWindowDays: v.repeatWindowDays,
                  });
                  message.success(t('servicedesk.settings.saved'));
                } catch (e) {
                  message.error(errorText(e));
                }
              }}
            >
              <Space wrap size={[32, 0]} align="start">
                {days('generalDays', t('servicedesk.settings.general'), 120, wd)}
                {days('difficultDays', t('servicedesk.settings.difficult'), 120, wd)}
                {days('complexDays', t('servicedesk.settings.complex'), 250, wd)}
              </Space>
              <Space wrap size={[32, 0]} align="start">
                {days('dueSoonDays', t('servicedesk.settings.dueSoon'), 10, wd)}
                {days('repeatWindowDays', t('servicedesk.settings.repeatWindow'), 730, t('servicedesk.settings.days'))}
              </Space>
              {canEdit ? (
                <Form.Item>
                  <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                    {t('common.save')}
                  </Button>
                </Form.Item>
              ) : (
                <Alert type="warning" showIcon title={t('servicedesk.settings.readOnly')} />
              )}
            </Form>
          </>
        )}
      </Card>
    </>
  );
}
