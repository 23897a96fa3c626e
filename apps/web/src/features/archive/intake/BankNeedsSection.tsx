import { Card, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** 银行账户 (for real-name payments) and 帮扶需求 / 思想动态 / 帮扶措施. */
export function BankNeedsSection() {
  const { t } = useTranslation();
  const f = (k: string) => t(`archive.field.${k}`);
  const card = Form.useWatch(['bank', 'cardNumber']) as string | undefined;
  const bankName = Form.useWatch(['bank', 'bankName']) as string | undefined;
  const anyBank = !!(card?.trim() || bankName?.trim());
  return (
    <>
      <Card title={t('archive.form.section.bank')} size="small" style={{ marginBottom: 16 }} data-testid="intake-bank">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['bank', 'bankName']}
              label={f('bankName')}
              rules={[{ required: anyBank, message: t('archive.form.required', { field: f('bankName') }) }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['bank', 'branch']} label={f('bankBranch')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['bank', 'cardNumber']}
              label={f('cardNumber')}
              rules={[
                { required: anyBank, message: t('archive.form.required', { field: f('cardNumber') }) },
                { pattern: /^\d{12,30}$/, message: t('archive.form.cardNumber') },
              ]}
            >
              <Input maxLength={30} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card
        title={t('archive.form.section.needs')}
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="intake-needs"
      >
        <Row gutter={16}>
          {(['skills', 'jobWishes'] as const).map((k) => (
            <Col xs={24} md={12} key={k}>
              <Form.Item name={k} label={f(k)}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
          ))}
          {(['needs', 'thoughts', 'measures'] as const).map((k) => (
            <Col xs={24} md={8} key={k}>
              <Form.Item name={k} label={f(k)}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
