import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { useGoodsCode } from '../goods/codes';
import { CertStateTag } from '../goods/ui';
import { usePrintableCertificate } from './api';
import './certificate-print.css';

/**
 * The printed card (GET /certificates/:id/print): front with title, number, holder, masked ID, validity and the
 * issuing union's seal; back with the benefits and the rules of use. Printed in Chinese whatever the interface
 * language. A revoked, superseded or expired card is shown struck through and cannot be printed.
 */
export function CertificatePrint({ id }: { id: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const code = useGoodsCode();
  const q = usePrintableCertificate(id);
  const c = q.data;
  return (
    <>
      <Card className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Button
            icon={<ArrowLeftOutlined />}
            onClick={() => (window.history.length > 1 ? window.history.back() : navigate('/certificates'))}
          >
            {t('goods.cert.back')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!c?.printable}>
            {t('goods.cert.printNow')}
          </Button>
          {c && <CertStateTag state={c.state} />}
        </Space>
      </Card>
      {q.error && <Alert type="error" showIcon title={errorText(q.error)} className="no-print" />}
      {c && !c.printable && (
        <Alert
          type="warning"
          showIcon
          className="no-print"
          style={{ marginBottom: 16 }}
          title={t('goods.cert.notPrintable', { state: code('certState', c.state) })}
        />
      )}
      {q.isPending && <Spin style={{ display: 'block', margin: 80 }} />}
      {c && (
        <div className="cert-sheet" data-testid="certificate-card">
          <div className="cert-face">
            <div className="cert-band">{c.title}</div>
            <div className="cert-no">
              编号：<span data-testid="certificate-number">{c.number}</span>
            </div>
            <dl>
              <dt>姓　　名</dt>
              <dd>{c.holderName}</dd>
              <dt>身份证号</dt>
              <dd>{c.idMasked}</dd>
              <dt>档案编号</dt>
              <dd>{c.fileNo}</dd>
              <dt>有 效 期</dt>
              <dd>
                {c.validFrom} 至 {c.validUntil}
              </dd>
              <dt>发证日期</dt>
              <dd>{c.issuedOn}</dd>
            </dl>
            <div className="cert-issuer">
              <span className="cert-seal">（盖章）</span>
              <div>{c.issuer}</div>
            </div>
            {!c.printable && <div className="cert-void">{c.stateLabel}</div>}
          </div>
          <div className="cert-face">
            <h2>持证享受</h2>
            <div className="cert-benefits">{c.benefits}</div>
            <h2>使用须知</h2>
            <ol>
              <li>本证限持证职工本人及档案所列家庭成员使用，不得转借、涂改。</li>
              <li>享受优待时请同时出示本人身份证件。</li>
              <li>脱困、注销档案或证件过期的，本证自动失效，由发证单位收回。</li>
              <li>可凭编号向发证工会核验本证真伪。</li>
            </ol>
            {!c.printable && <div className="cert-void">{c.stateLabel}</div>}
          </div>
        </div>
      )}
    </>
  );
}
