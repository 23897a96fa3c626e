import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { OrgSelect } from '../../components/OrgSelect';
import { useErrorText } from '../../lib/errors';
import { useGoodsCode, useGoodsOptions } from '../goods/codes';
import { isoDate, optional } from '../goods/ui';
import { type Certificate, useIssueCertificate, useRenewCertificate, useRevokeCertificate } from './api';

type Range = [Dayjs | null, Dayjs | null] | null;

/** Validity left empty: the server's default (from today in China, for one year). */
function ValidityItem() {
  const { t } = useTranslation();
  return (
    <Form.Item name="validity" label={t('goods.cert.validity')} extra={t('goods.cert.validityHint')}>
      <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** 发证: a 特困证 or 优待证 for a household in the archive under the node, issued by the node or one above it. */
export function IssueModal({
  orgId,
  open,
  onClose,
  onIssued,
}: {
  orgId: number;
  open: boolean;
  onClose: () => void;
  onIssued: (c: Certificate) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const code = useGoodsCode();
  const options = useGoodsOptions();
  const issue = useIssueCertificate();
  const [form] = Form.useForm<{
    householdId: number;
    kind: string;
    issuerOrgId: number;
    validity: Range;
    benefits: string;
    note?: string;
  }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ kind: 'tekun', issuerOrgId: orgId });
  }, [open, form, orgId]);
  return (
    <Modal
      open={open}
      width={640}
      title={t('goods.cert.issueTitle')}
      okText={t('goods.cert.issueOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={issue.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        onFinish={async (v) => {
          try {
            const c = await issue.mutateAsync({
              householdId: v.householdId,
              kind: v.kind,
              issuerOrgId: v.issuerOrgId,
              validFrom: isoDate(v.validity?.[0]),
              validUntil: isoDate(v.validity?.[1]),
              benefits: v.benefits.trim(),
              note: optional(v.note),
            });
            message.success(t('goods.cert.issued', { kind: code('certKind', c.kind), number: c.number }));
            onIssued(c);
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <Form.Item
          name="householdId"
          label={t('goods.household.label')}
          rules={[{ required: true, message: t('goods.household.required') }]}
        >
          <HouseholdPicker orgId={orgId} />
        </Form.Item>
        <Form.Item name="kind" label={t('goods.cert.kind')} rules={[{ required: true }]}>
          <Radio.Group options={options('certKind')} optionType="button" />
        </Form.Item>
        <Form.Item name="issuerOrgId" label={t('goods.cert.issuer')} extra={t('goods.cert.issuerHint')}>
          <OrgSelect />
        </Form.Item>
        <ValidityItem />
        <Form.Item
          name="benefits"
          label={t('goods.cert.benefits')}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea rows={3} placeholder={t('goods.cert.benefitsPlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('goods.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 撤销: with a reason (the file left the archive, the card was misused, …). */
export function RevokeModal({
  cert,
  defaultReason,
  onClose,
}: {
  cert: Certificate | null;
  defaultReason?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const code = useGoodsCode();
  const revoke = useRevokeCertificate();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (cert) form.setFieldsValue({ reason: defaultReason ?? '' });
  }, [cert, form, defaultReason]);
  if (!cert) return null;
  return (
    <Modal
      open
      title={t('goods.cert.revokeTitle', { kind: code('certKind', cert.kind), number: cert.number })}
      okText={t('goods.cert.revokeOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={revoke.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('goods.cert.holderLine', { name: cert.household.name, fileNo: cert.household.fileNo })}
      </Typography.Paragraph>
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        onFinish={async (v) => {
          try {
            await revoke.mutateAsync({ id: cert.id, reason: v.reason.trim() });
            message.success(t('goods.cert.revoked', { number: cert.number }));
            onClose();
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <Form.Item
          name="reason"
          label={t('goods.cert.revokeReason')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 续期换证: a new card with a new number; the old one is superseded. */
export function RenewModal({ cert, onClose }: { cert: Certificate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const code = useGoodsCode();
  const renew = useRenewCertificate();
  const [form] = Form.useForm<{ validity: Range; benefits: string }>();
  useEffect(() => {
    if (cert) form.setFieldsValue({ benefits: cert.benefits, validity: null });
  }, [cert, form]);
  if (!cert) return null;
  return (
    <Modal
      open
      width={600}
      title={t('goods.cert.renewTitle', { kind: code('certKind', cert.kind), number: cert.number })}
      okText={t('goods.cert.renewOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={renew.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('goods.cert.renewHint')} />
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        onFinish={async (v) => {
          try {
            const c = await renew.mutateAsync({
              id: cert.id,
              validFrom: isoDate(v.validity?.[0]),
              validUntil: isoDate(v.validity?.[1]),
              benefits: v.benefits.trim(),
            });
            message.success(t('goods.cert.renewed', { number: c.number }));
            onClose();
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <ValidityItem />
        <Form.Item
          name="benefits"
          label={t('goods.cert.benefits')}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
