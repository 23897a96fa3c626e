import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerifyResult } from '@bangfu/contracts';
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { useVerifyAudit } from './api';

type Chain = AuditVerifyResult['chains'][number];

/** 校验: recompute the hash chains on the server and show whether any entry was altered or removed. */
export function AuditVerifyButton() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const verify = useVerifyAudit();
  const [open, setOpen] = useState(false);
  const run = () => {
    setOpen(true);
    verify.mutate();
  };
  const r = verify.data;
  const entries = r?.chains.reduce((n, c) => n + c.entries, 0) ?? 0;

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} onClick={run} loading={verify.isPending} data-testid="audit-verify">
        {t('audit.verify.button')}
      </Button>
      <Modal
        open={open}
        width={760}
        title={t('audit.verify.title')}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{t('common.close')}</Button>}
      >
        {verify.isPending && <Typography.Paragraph>{t('audit.verify.running')}</Typography.Paragraph>}
        {verify.error && (
          <Alert type="error" showIcon title={errorText(verify.error)} data-testid="audit-verify-error" />
        )}
        {r && (
          <>
            <Alert
              type={r.ok ? 'success' : 'error'}
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="audit-verify-result"
              title={r.ok ? t('audit.verify.ok', { entries, chains: r.chains.length }) : t('audit.verify.broken')}
            />
            <Table<Chain>
              size="small"
              rowKey="chain"
              pagination={false}
              dataSource={r.chains}
              columns={[
                { title: t('audit.verify.chain'), dataIndex: 'chain', width: 90 },
                { title: t('audit.verify.entries'), dataIndex: 'entries', width: 90, align: 'right' },
                {
                  title: t('audit.verify.head'),
                  dataIndex: 'headHash',
                  render: (h: string | null) => (h ? <Typography.Text code>{h.slice(0, 16)}…</Typography.Text> : '—'),
                },
                {
                  title: t('audit.verify.problems'),
                  dataIndex: 'problems',
                  render: (ps: Chain['problems']) =>
                    ps.length ? (
                      <Typography.Text type="danger">
                        {ps.map((p) => `${p.seq ?? '—'}: ${p.problem}`).join('；')}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="success">{t('audit.verify.intact')}</Typography.Text>
                    ),
                },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
