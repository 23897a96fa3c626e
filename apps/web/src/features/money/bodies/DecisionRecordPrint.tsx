import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { todayValue } from '../../../lib/today';
import type { Approval } from '../types';
import '../batches/payment-print.css';
import { type SubjectType, useMeetings } from './api';

const VOTE_ZH: Record<string, string> = { approve: '同意', reject: '不同意', abstain: '弃权' };
const DECISION_ZH: Record<string, string> = {
  submit: '提交',
  approve: '批准',
  reject: '退回',
  comment: '意见',
  refuse_payment: '财务拒付',
};

/**
 * 审批决定记录 (A4): what was decided, by which body, at which meeting — members present, absent or standing aside,
 * each vote and whether its member countersigned it — then the whole approval history (submission, decisions,
 * finance's refusals). Printed in Chinese whatever the interface language, like the payment list.
 */
export function DecisionRecordPrint({
  type,
  id,
  back,
  title,
  facts,
  approvals,
  loading,
  error,
}: {
  type: SubjectType;
  id: number;
  back: string;
  title: string;
  facts: [string, string][];
  approvals: Approval[];
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const q = useMeetings(type, id);
  const meetings = q.data?.items ?? [];
  const fault = error ?? q.error;
  return (
    <>
      <Card className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)}>
            {t('money.meeting.back')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={loading}>
            {t('money.print.print')}
          </Button>
        </Space>
      </Card>
      {!!fault && <Alert type="error" showIcon className="no-print" title={errorText(fault)} />}
      {(loading || q.isPending) && <Spin style={{ display: 'block', margin: 80 }} />}
      {!loading && !q.isPending && (
        <div className="pay-sheet" data-testid="decision-sheet">
          <h1>{title}审批决定记录</h1>
          <div className="pay-meta">
            {facts.map(([k, v]) => (
              <span key={k}>
                {k}：{v}
              </span>
            ))}
          </div>
          {meetings.map((m) => (
            <div key={m.id} data-testid="decision-meeting">
              <h2 style={{ fontSize: '13pt', margin: '4mm 0 2mm' }}>
                {m.bodyName}会议（会议编号：{m.number}，{m.heldOn}）
              </h2>
              <div className="pay-meta">
                <span>
                  应到{m.rosterCount}人，实到{m.presentCount}人，同意{m.approveCount}票
                </span>
                <span>
                  缺席：
                  {m.absent.length ? m.absent.map((a) => (a.excused ? `${a.name}（回避）` : a.name)).join('、') : '无'}
                </span>
                <span>决定：{m.decision === 'approve' ? '批准' : '不批准'}</span>
              </div>
              <table>
                <thead>
                  <tr>
                    <th style={{ width: '8mm' }}>序号</th>
                    <th>姓名</th>
                    <th>身份</th>
                    <th>表决</th>
                    <th>意见</th>
                    <th>签名确认</th>
                  </tr>
                </thead>
                <tbody>
                  {m.votes.map((v, i) => (
                    <tr key={v.id} data-testid="decision-vote">
                      <td>{i + 1}</td>
                      <td>{v.name}</td>
                      <td>{v.role === 'chair' ? '组长/主任' : '成员'}</td>
                      <td>{VOTE_ZH[v.vote]}</td>
                      <td>{v.opinion ?? ''}</td>
                      <td>
                        {v.countersignedAt
                          ? `本人确认 ${dayjs(v.countersignedAt).format('YYYY-MM-DD HH:mm')}`
                          : `由${v.recordedBy ?? ''}录入，待本人确认`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                记录人：{m.recordedBy}　记录时间：{dayjs(m.recordedAt).format('YYYY-MM-DD HH:mm')}
              </p>
            </div>
          ))}
          <h2 style={{ fontSize: '13pt', margin: '4mm 0 2mm' }}>审批记录</h2>
          <table>
            <thead>
              <tr>
                <th style={{ width: '34mm' }}>时间</th>
                <th style={{ width: '20mm' }}>环节</th>
                <th style={{ width: '24mm' }}>经办人</th>
                <th>意见</th>
              </tr>
            </thead>
            <tbody>
              {approvals.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and never reordered
                <tr key={i} data-testid="decision-step">
                  <td>{dayjs(a.at).format('YYYY-MM-DD HH:mm')}</td>
                  <td>{DECISION_ZH[a.decision] ?? a.decision}</td>
                  <td>{a.by ?? ''}</td>
                  <td style={{ textAlign: 'left' }}>{a.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pay-footer">打印日期：{todayValue().format('YYYY年M月D日')}</div>
        </div>
      )}
    </>
  );
}
