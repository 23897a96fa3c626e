import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Segmented, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { usePaymentList } from '../api';
import { yuan } from '../money';
import './payment-print.css';
import { todayValue } from '../../../lib/today';

type Mode = 'sign' | 'notice';

/**
 * 实名制发放名单 (A4, printed and signed by each recipient: 不得代领) and the same list as 名单公示 (without bank
 * accounts and signatures). The sheet is printed in Chinese, whatever the interface language.
 */
export function PaymentListPrint({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>('sign');
  const list = usePaymentList(id);
  const d = list.data;
  const notice = mode === 'notice';
  const today = todayValue().format('YYYY年M月D日');

  return (
    <>
      <Card className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/batches/${id}`)}>
            {t('money.print.back')}
          </Button>
          <Segmented<Mode>
            value={mode}
            onChange={setMode}
            options={[
              { value: 'sign', label: t('money.print.modeSign') },
              { value: 'notice', label: t('money.print.modeNotice') },
            ]}
          />
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!d}>
            {t('money.print.print')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download(`/batches/${id}/payment-list.xlsx`, `发放名单-${d?.batchNo ?? id}.xlsx`).catch((e: unknown) =>
                message.error(errorText(e)),
              )
            }
          >
            {t('money.batches.downloadXlsx')}
          </Button>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} className="no-print" />}
      {list.isPending && <Spin style={{ display: 'block', margin: 80 }} />}
      {d && (
        <div className="pay-sheet" data-testid="payment-sheet">
          <h1>
            {d.title}
            {notice ? '发放名单公示' : '实名制发放名单'}
          </h1>
          <div className="pay-meta">
            <span>发放单位：{d.orgName}</span>
            <span>批次号：{d.batchNo}</span>
            <span>项目：{d.programme}</span>
            <span>期间：{d.period}</span>
            {!notice && <span>方式：{d.method}</span>}
          </div>
          <table>
            <thead>
              <tr>
                <th style={{ width: '8mm' }}>序号</th>
                <th>姓名</th>
                <th>身份证号</th>
                <th>单位</th>
                {!notice && <th>银行账户</th>}
                <th className="pay-amount">金额（元）</th>
                {!notice && <th>领取人签字</th>}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.grantId} data-testid="payment-row">
                  <td>{r.seq}</td>
                  <td>{r.name}</td>
                  <td>{r.idMasked}</td>
                  <td>{r.unit}</td>
                  {!notice && <td>{r.bankMasked ?? ''}</td>}
                  <td className="pay-amount">{yuan(r.amountFen)}</td>
                  {!notice && <td className="pay-sign" />}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={notice ? 4 : 5}>合计：{d.rows.length}户</td>
                <td className="pay-amount" data-testid="payment-total">
                  {yuan(d.totalFen)}
                </td>
                {!notice && <td />}
              </tr>
            </tfoot>
          </table>
          {notice ? (
            <>
              <p className="pay-note">
                以上人员经审核审批，拟发放{d.programme}，现予公示。如有异议，请于公示期内向{d.orgName}
                帮扶中心实名反映。
              </p>
              <div className="pay-footer">
                {d.orgName}
                <br />
                {today}
              </div>
            </>
          ) : (
            <div className="pay-signatures">
              <span>经办人：</span>
              <span>审核人：</span>
              <span>负责人：</span>
              <span>日期：　　年　　月　　日</span>
            </div>
          )}
        </div>
      )}
    </>
  );
}
