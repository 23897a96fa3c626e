import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { useGoodsCode } from '../goods/codes';
import { CertStateTag } from '../goods/ui';
import { normaliseNumber, useVerification, type Verification } from './api';

function Verdict({ v }: { v: Verification }) {
  const { t } = useTranslation();
  const code = useGoodsCode();
  const icon = v.valid ? (
    <CheckCircleFilled style={{ color: '#389e0d', fontSize: 28 }} />
  ) : v.state === 'revoked' || v.state === 'superseded' ? (
    <CloseCircleFilled style={{ color: '#cf1322', fontSize: 28 }} />
  ) : (
    <ExclamationCircleFilled style={{ color: '#d48806', fontSize: 28 }} />
  );
  return (
    <Card style={{ maxWidth: 640, marginTop: 16 }} data-testid="verify-result">
      <Space align="center" style={{ marginBottom: 12 }}>
        {icon}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {v.valid ? t('goods.cert.verifyValid') : t('goods.cert.verifyInvalid', { state: code('certState', v.state) })}
        </Typography.Title>
      </Space>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('goods.cert.number')}>{v.number}</Descriptions.Item>
        <Descriptions.Item label={t('goods.cert.kind')}>{code('certKind', v.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('goods.cert.state')}>
          <CertStateTag state={v.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('goods.cert.holder')}>
          <span data-testid="verify-holder">{v.holder}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('goods.cert.validity')}>
          {v.validFrom} ~ {v.validUntil}
        </Descriptions.Item>
        <Descriptions.Item label={t('goods.cert.issuer')}>{v.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('goods.cert.benefits')}>{v.benefits}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 证件核验: a number typed in → valid / expired / revoked, the holder masked, the issuing union. */
export function VerifyTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [number, setNumber] = useState<string | null>(null);
  const q = useVerification(number);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('goods.cert.verifyHint')}</Typography.Paragraph>
      <Form
        layout="inline"
        onFinish={(v: { number: string }) => {
          const n = normaliseNumber(v.number);
          if (n === number) void q.refetch();
          else setNumber(n);
        }}
        requiredMark={false}
      >
        <Form.Item
          name="number"
          label={t('goods.cert.number')}
          rules={[
            { required: true, message: t('goods.cert.numberRequired') },
            {
              validator: (_, v: string | undefined) =>
                !v || normaliseNumber(v) ? Promise.resolve() : Promise.reject(new Error(t('goods.cert.numberFormat'))),
            },
          ]}
        >
          <Input style={{ width: 240 }} placeholder="TK44-2026-0000012" allowClear />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={q.isFetching}>
            {t('goods.cert.verify')}
          </Button>
        </Form.Item>
      </Form>
      {q.error && <Alert type="error" showIcon style={{ marginTop: 16, maxWidth: 640 }} title={errorText(q.error)} />}
      {q.data && !q.error && <Verdict v={q.data} />}
    </>
  );
}
