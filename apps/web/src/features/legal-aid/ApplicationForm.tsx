import { parseResidentId } from '@bangfu/policy';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { PageHeader } from '../../components/PageHeader';
import { useApplyFieldErrors, useErrorText } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { afterToday, today, todayValue } from '../../lib/today';
import { fenOf } from '../money/money';
import { numberParam, YuanInput } from '../money/ui';
import { useRegister } from './api';
import { useLegalOptions } from './codes';

interface Values {
  personName: string;
  idNumber?: string;
  phone?: string;
  employer?: string;
  householdId?: number;
  disputeKind: string;
  reasons: string;
  claim?: string | null;
  receivedOn: Dayjs;
}

const FIELDS = ['personName', 'idNumber', 'phone', 'employer', 'householdId', 'disputeKind', 'reasons', 'receivedOn'];

/**
 * 登记法律援助申请: one page, typed top to bottom (Tab moves on, Enter in the last field registers); the ID is checked
 * on the page with the server's own checker; ?workOrderId= links the work order the matter came in on.
 */
export function ApplicationForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const options = useLegalOptions();
  const register = useRegister();
  const errorText = useErrorText();
  const applyFieldErrors = useApplyFieldErrors();
  const workOrderId = numberParam('workOrderId');
  const required = [{ required: true, message: t('legalAid.form.required') }];

  const submit = async (v: Values) => {
    try {
      const a = await register.mutateAsync({
        personName: v.personName,
        idNumber: v.idNumber?.trim() || undefined,
        phone: v.phone?.trim() || undefined,
        employer: v.employer?.trim() || undefined,
        householdId: v.householdId,
        workOrderId,
        disputeKind: v.disputeKind,
        reasons: v.reasons,
        claimFen: fenOf(v.claim) ?? undefined,
        receivedOn: v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : today(),
      });
      message.success(t('legalAid.form.saved', { appNo: a.appNo, dueOn: a.dueOn }));
      navigate(`/legal-aid/${a.id}`);
    } catch (e) {
      const field = (e as { details?: { field?: string } }).details?.field;
      if (field && FIELDS.includes(field)) form.setFields([{ name: field as keyof Values, errors: [errorText(e)] }]);
      else if (!applyFieldErrors(form, e, FIELDS)) message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader
        title={t('legalAid.form.title')}
        subtitle={t('legalAid.form.intro')}
        extra={workOrderId && <Tag color="blue">{t('legalAid.form.fromOrder', { orderNo: `#${workOrderId}` })}</Tag>}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ disputeKind: 'wages_owed', receivedOn: todayValue() }}
        onFinish={submit}
        data-testid="legal-aid-form"
      >
        <Card title={t('legalAid.form.person')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="personName" label={t('legalAid.form.personName')} rules={required}>
                <Input id="la-personName" autoFocus maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="idNumber"
                label={t('legalAid.form.idNumber')}
                extra={t('legalAid.form.idHint')}
                rules={[
                  {
                    validator: (_, v: string | undefined) => {
                      if (!v?.trim()) return Promise.resolve();
                      const r = parseResidentId(v.trim(), today());
                      return r.ok ? Promise.resolve() : Promise.reject(new Error(r.zh));
                    },
                  },
                ]}
              >
                <Input id="la-idNumber" maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item name="phone" label={t('legalAid.form.phone')}>
                <Input id="la-phone" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="employer" label={t('legalAid.form.employer')}>
                <Input id="la-employer" maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="householdId"
                label={t('legalAid.form.household')}
                extra={t('legalAid.form.householdHint')}
              >
                <HouseholdPicker id="la-household" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('legalAid.form.matter')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="disputeKind" label={t('legalAid.form.disputeKind')} rules={required}>
                <Select id="la-dispute" options={options('dispute')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="claim" label={t('legalAid.form.claim')}>
                <YuanInput id="la-claim" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="receivedOn" label={t('legalAid.form.receivedOn')} rules={required}>
                <DatePicker id="la-received" style={{ width: '100%' }} disabledDate={afterToday} allowClear={false} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="reasons" label={t('legalAid.form.reasons')} rules={required}>
            <Input.TextArea
              id="la-reasons"
              rows={5}
              maxLength={5000}
              showCount
              placeholder={t('legalAid.form.reasonsPlaceholder')}
            />
          </Form.Item>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="legal-aid-submit">
            {t('legalAid.form.submit')}
          </Button>
          <Button onClick={() => navigate('/legal-aid')}>{t('common.cancel')}</Button>
          <Typography.Text type="secondary">{t('legalAid.decide.intro')}</Typography.Text>
        </Space>
      </Form>
    </>
  );
}
