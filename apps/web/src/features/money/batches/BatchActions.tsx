import {
  AccountBookOutlined,
  BankOutlined,
  CheckOutlined,
  CloseOutlined,
  DownloadOutlined,
  PrinterOutlined,
  SendOutlined,
  SyncOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { usePermission } from '../../auth';
import { type Batch, batchApi, useBatchAction } from '../api';
import { RefusePaymentButton } from '../bodies/RefusePayment';
import { yuan } from '../money';
import { DecisionModal, type DecisionTarget } from './ApprovalHistory';

function SubmitModal({ batch, open, onClose }: { batch: Batch; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ comment?: string }>();
  const submit = useBatchAction((c?: string) => batchApi.submit(batch.id, c));
  return (
    <Modal
      open={open}
      title={t('money.batches.submitTitle')}
      okText={t('money.batches.submit')}
      cancelText={t('money.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('money.approvals.summary', { count: batch.grantCount, amount: yuan(batch.totalFen) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('money.batches.submitHint')}</Typography.Paragraph>
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        onFinish={async (v) => {
          try {
            await submit.mutateAsync(v.comment?.trim() || undefined);
            message.success(t('money.batches.submitted'));
            onClose();
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <Form.Item name="comment" label={t('money.batches.submitComment')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What the signed-in person may do with the batch now: submit, decide, print, export, pay, reconcile. */
export function BatchActions({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const can = usePermission();
  const [submitting, setSubmitting] = useState(false);
  const [deciding, setDeciding] = useState<DecisionTarget>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const qc = useQueryClient();
  const resume = useBatchAction(() => batchApi.resume(batch.id));
  const pay = useBatchAction(() => batchApi.pay(batch.id));
  const reconcile = useBatchAction((f: File) => batchApi.reconcile(batch.id, f));
  const s = batch.status;
  const computed = s !== 'computing';
  const paying = s === 'approved' || s === 'paying';
  const fail = (e: unknown) => message.error(errorText(e));

  const fetchFile = async (kind: 'xlsx' | 'bank') => {
    setBusy(kind);
    try {
      if (kind === 'xlsx') await download(`/batches/${batch.id}/payment-list.xlsx`, `发放名单-${batch.batchNo}.xlsx`);
      else {
        await download(`/batches/${batch.id}/bank-file.csv`, `银行代发-${batch.batchNo}.csv`);
        // The download changes nothing on the server: the batch moves to 发放中 by an explicit step.
        if (batch.status === 'approved') await batchApi.sentToBank(batch.id);
        await qc.invalidateQueries({ queryKey: ['batches'] });
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap data-testid="batch-actions">
      {can('assistance.propose') && s === 'computing' && (
        <Button icon={<SyncOutlined />} loading={resume.isPending} onClick={() => resume.mutateAsync().catch(fail)}>
          {t('money.batches.resume')}
        </Button>
      )}
      {can('assistance.propose') && (s === 'computed' || s === 'rejected') && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setSubmitting(true)}>
          {t('money.batches.submit')}
        </Button>
      )}
      {can('payment.approve') && s === 'pending_approval' && (
        <>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setDeciding({ batch, decision: 'approve' })}>
            {t('money.approvals.approve')}
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => setDeciding({ batch, decision: 'reject' })}>
            {t('money.approvals.reject')}
          </Button>
        </>
      )}
      {computed && (
        <>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/batches/${batch.id}/print`)}>
            {t('money.batches.printList')}
          </Button>
          <Button onClick={() => navigate(`/batches/${batch.id}/notice`)}>{t('money.notice.link')}</Button>
          <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => fetchFile('xlsx')}>
            {t('money.batches.downloadXlsx')}
          </Button>
        </>
      )}
      {can('fund.write') && s === 'approved' && <RefusePaymentButton type="batch" id={batch.id} />}
      {can('fund.write') && paying && batch.method === 'bank' && (
        <>
          <Button icon={<BankOutlined />} loading={busy === 'bank'} onClick={() => fetchFile('bank')}>
            {t('money.batches.bankFile')}
          </Button>
          <Popconfirm
            title={t('money.batches.payConfirm')}
            okText={t('money.confirm')}
            cancelText={t('money.cancel')}
            onConfirm={() => pay.mutateAsync().then(() => message.success(t('money.batches.paid')), fail)}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={pay.isPending}>
              {t('money.batches.pay')}
            </Button>
          </Popconfirm>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              reconcile.mutateAsync(file).then((r) => {
                const res = r as { paid: number; failed: number; paidFen: number };
                message.success(
                  t('money.batches.reconciled', { paid: res.paid, failed: res.failed, amount: yuan(res.paidFen) }),
                );
              }, fail);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={reconcile.isPending} data-testid="reconcile-upload">
              {t('money.batches.reconcile')}
            </Button>
          </Upload>
        </>
      )}
      {can('fund.read') && batch.fundId && (
        <Button
          type="link"
          icon={<AccountBookOutlined />}
          onClick={() => navigate(`/funds/ledger?orgId=${batch.orgId}&fundId=${batch.fundId}`)}
        >
          {t('money.batches.ledger')}
        </Button>
      )}
      <SubmitModal batch={batch} open={submitting} onClose={() => setSubmitting(false)} />
      <DecisionModal target={deciding} onClose={() => setDeciding(null)} />
    </Space>
  );
}
