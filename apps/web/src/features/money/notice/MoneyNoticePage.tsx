import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { NoticeSubjectType } from '@bangfu/contracts';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Spin, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { todayValue } from '../../../lib/today';
import { usePermission } from '../../auth';
import { yuan } from '../money';
import { useMoneyNotice, useNoticeActions } from './api';
import '../batches/payment-print.css';

const day = (v: string) => dayjs(v).format('YYYY年M月D日');
const subjectZh: Record<NoticeSubjectType, string> = { batch: '批次', application: '救助申请', campaign: '帮扶活动' };

/**
 * 名单公示 of a batch, an application or a campaign: on screen the notice's period and its objections (record one,
 * verify it with the finding — an open one holds the decision); on paper one A4 sheet of masked names, IDs and
 * amounts with the period, in Chinese whatever the interface language.
 */
export function MoneyNoticePage({ type, id, back }: { type: NoticeSubjectType; id: number; back: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const can = usePermission();
  const q = useMoneyNotice(type, id);
  const act = useNoticeActions(type, id);
  const [opening] = Form.useForm<{ startsOn: Dayjs; days: number }>();
  const [recording, setRecording] = useState(false);
  const [verifying, setVerifying] = useState<number | null>(null);
  const [objForm] = Form.useForm<{ raisedBy: string; text: string; raisedOn: Dayjs }>();
  const [verifyForm] = Form.useForm<{ finding: string }>();
  const fail = (e: unknown) => message.error(errorText(e));
  const d = q.data;
  const n = d?.notice ?? null;
  const proposer = can('assistance.propose');
  const openCount = d?.objections.filter((o) => o.status === 'open').length ?? 0;

  return (
    <>
      <Card className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap align="start">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)}>
            {t('money.notice.back')}
          </Button>
          {d && !n && proposer && (
            <Form
              form={opening}
              layout="inline"
              name="openNotice"
              initialValues={{ startsOn: todayValue(), days: d.defaultDays }}
              onFinish={(v) =>
                act.open.mutateAsync({ startsOn: v.startsOn.format('YYYY-MM-DD'), days: v.days }).catch(fail)
              }
            >
              <Form.Item name="startsOn" label={t('money.notice.startsOn')} rules={[{ required: true }]}>
                <DatePicker allowClear={false} />
              </Form.Item>
              <Form.Item name="days" label={t('money.notice.days')} rules={[{ required: true }]}>
                <InputNumber min={1} max={60} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={act.open.isPending}>
                {t('money.notice.open')}
              </Button>
            </Form>
          )}
          {n && (
            <span data-testid="notice-period">
              {t('money.notice.period')}: {n.startsOn} ~ {n.endsOn} ({n.days}){' '}
              <Tag color={n.state === 'running' ? 'green' : 'default'}>{t(`money.notice.state.${n.state}`)}</Tag>
            </span>
          )}
          {d && !n && !proposer && <Tag>{t('money.notice.none')}</Tag>}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!n}>
            {t('money.notice.print')}
          </Button>
        </Space>
      </Card>
      {q.error && <Alert type="error" showIcon title={errorText(q.error)} className="no-print" />}
      {q.isPending && <Spin style={{ display: 'block', margin: 80 }} />}
      {d && n && (
        <Card
          className="no-print"
          title={t('money.notice.objections')}
          style={{ marginBottom: 16 }}
          extra={
            proposer &&
            n.state === 'running' && (
              <Button onClick={() => setRecording(true)} data-testid="record-objection">
                {t('money.notice.record')}
              </Button>
            )
          }
        >
          {openCount > 0 && (
            <Alert type="warning" showIcon title={t('money.notice.holds')} style={{ marginBottom: 12 }} />
          )}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.objections}
            locale={{ emptyText: t('money.notice.noObjections') }}
            columns={[
              { title: t('money.notice.raisedOn'), dataIndex: 'raisedOn', width: 110 },
              { title: t('money.notice.raisedBy'), dataIndex: 'raisedBy', width: 120 },
              { title: t('money.notice.text'), dataIndex: 'text' },
              { title: t('money.notice.recordedBy'), dataIndex: 'recordedByName', width: 100 },
              {
                title: t('money.notice.finding'),
                key: 'finding',
                render: (_: unknown, o) =>
                  o.status === 'verified' ? (
                    `${o.finding ?? ''}（${o.verifiedByName ?? ''}）`
                  ) : proposer ? (
                    <Button size="small" onClick={() => setVerifying(o.id)}>
                      {t('money.notice.verify')}
                    </Button>
                  ) : (
                    <Tag color="orange">{t('money.notice.open_')}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {d && n && (
        <div className="pay-sheet" data-testid="notice-sheet">
          <h1>
            {d.title}
            {subjectZh[type]}名单公示
          </h1>
          <div className="pay-meta">
            <span>公示单位：{d.orgName}</span>
            <span>项目：{d.programme}</span>
            <span>
              公示期：{day(n.startsOn)}至{day(n.endsOn)}（{n.days}天）
            </span>
          </div>
          <table>
            <thead>
              <tr>
                <th style={{ width: '8mm' }}>序号</th>
                <th>姓名</th>
                <th>身份证号</th>
                <th>单位</th>
                <th className="pay-amount">金额（元）</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.seq} data-testid="notice-row">
                  <td>{r.seq}</td>
                  <td>{r.name}</td>
                  <td>{r.idMasked}</td>
                  <td>{r.unit}</td>
                  <td className="pay-amount">{yuan(r.amountFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={4}>合计：{d.rows.length}人</td>
                <td className="pay-amount">{yuan(d.totalFen)}</td>
              </tr>
            </tfoot>
          </table>
          <p className="pay-note">
            以上人员拟给予{d.programme}，现予公示，公示期自{day(n.startsOn)}至{day(n.endsOn)}。如有异议，请于公示期内向
            {d.orgName}帮扶中心实名反映。
          </p>
          <div className="pay-footer">
            {d.orgName}
            <br />
            {day(n.startsOn)}
          </div>
        </div>
      )}
      <Modal
        title={t('money.notice.record')}
        open={recording}
        okText={t('money.notice.save')}
        cancelText={t('money.notice.cancel')}
        confirmLoading={act.object.isPending}
        onCancel={() => setRecording(false)}
        onOk={() => objForm.submit()}
        destroyOnHidden
      >
        <Form
          form={objForm}
          layout="vertical"
          name="objection"
          initialValues={{ raisedOn: todayValue() }}
          onFinish={(v) =>
            act.object
              .mutateAsync({ raisedBy: v.raisedBy, text: v.text, raisedOn: v.raisedOn.format('YYYY-MM-DD') })
              .then(() => {
                objForm.resetFields();
                setRecording(false);
              })
              .catch(fail)
          }
        >
          <Form.Item name="raisedBy" label={t('money.notice.raisedBy')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="text" label={t('money.notice.text')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="raisedOn" label={t('money.notice.raisedOn')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={t('money.notice.verify')}
        open={verifying !== null}
        okText={t('money.notice.save')}
        cancelText={t('money.notice.cancel')}
        confirmLoading={act.verify.isPending}
        onCancel={() => setVerifying(null)}
        onOk={() => verifyForm.submit()}
        destroyOnHidden
      >
        <Form
          form={verifyForm}
          layout="vertical"
          name="verifyObjection"
          onFinish={(v) =>
            verifying !== null &&
            act.verify
              .mutateAsync({ objectionId: verifying, finding: v.finding })
              .then(() => {
                verifyForm.resetFields();
                setVerifying(null);
              })
              .catch(fail)
          }
        >
          <Form.Item name="finding" label={t('money.notice.finding')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
