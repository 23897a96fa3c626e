import { DeleteOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { healthStatuses, memberLeaveCauses, relations, type SelfChange, workStatuses } from '@bangfu/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { useCode, useCodeOptions } from '../archive/codes';
import { CodeSelect, useIdRule, YuanInput } from '../archive/intake/fields';
import { toFen } from '../archive/money';
import {
  type SelfChanges,
  useAttachToSelfChange,
  useProposeSelfChange,
  useSelfChanges,
  useWithdrawSelfChange,
} from '../changes/api';
import { ChangeStatusTag, KindTags } from '../changes/ChangeTags';

interface Values {
  reason: string;
  phone?: string;
  address?: string;
  bankName?: string;
  branch?: string;
  cardNumber?: string;
  join?: { name: string; relation: string; idNumber?: string; birthDate?: Dayjs }[];
  leave?: { seq: number; cause: string }[];
  workStatus?: string;
  employer?: string;
  wagesYuan?: string;
  health?: string;
}

const col = { xs: 24, md: 8 };
const blank = (v: string | undefined) => !v?.trim();

/** Only what the worker filled in: the server merges it into the current version of the file. */
function toChange(v: Values): (Partial<SelfChange> & { reason: string }) | null {
  const c: Partial<SelfChange> & { reason: string } = { reason: v.reason };
  if (!blank(v.phone)) c.phone = v.phone?.trim();
  if (!blank(v.address)) c.address = v.address?.trim();
  if (!blank(v.cardNumber) || !blank(v.bankName))
    c.bank = {
      bankName: v.bankName?.trim() ?? '',
      branch: v.branch?.trim() || null,
      cardNumber: v.cardNumber?.trim() ?? '',
    };
  const join = (v.join ?? []).filter((m) => !blank(m?.name));
  if (join.length)
    c.join = join.map((m) => ({
      name: m.name.trim(),
      relation: m.relation as SelfChange['join'][number]['relation'],
      idNumber: blank(m.idNumber) ? null : m.idNumber?.trim(),
      birthDate: m.birthDate ? m.birthDate.format('YYYY-MM-DD') : null,
      monthlyIncomeFen: 0,
      maritalStatus: 'unmarried',
    }));
  const leave = (v.leave ?? []).filter((l) => l?.seq);
  if (leave.length) c.leave = leave as SelfChange['leave'];
  if (v.workStatus) c.workStatus = v.workStatus as SelfChange['workStatus'];
  if (!blank(v.employer)) c.employer = v.employer?.trim();
  if (!blank(v.wagesYuan)) c.incomes = { wagesFen: toFen(v.wagesYuan) };
  if (v.health) c.health = v.health as SelfChange['health'];
  return Object.keys(c).length > 1 ? c : null;
}

function ChangeForm({ data, onDone }: { data: SelfChanges; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const code = useCode();
  const options = useCodeOptions();
  const idRule = useIdRule(false);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const propose = useProposeSelfChange();
  const submit = async (v: Values) => {
    setError(null);
    const c = toChange(v);
    if (!c) return setError(new Error(t('changes.self.empty')));
    try {
      await propose.mutateAsync(c);
      message.success(t('changes.self.submitted'));
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const memberOptions = data.members.map((m) => ({
    value: m.seq,
    label: `${m.name}（${code('relation', m.relation)}）`,
  }));
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="self-change-form">
      {error !== null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} />}
      <Divider titlePlacement="start">{t('changes.self.contact')}</Divider>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item
            name="phone"
            label={t('archive.field.phone')}
            rules={[{ pattern: /^1\d{10}$/, message: '1xxxxxxxxxx' }]}
          >
            <Input maxLength={11} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="address" label={t('archive.field.address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('changes.self.bank')}</Divider>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="bankName" label={t('archive.field.bankName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="branch" label={t('archive.field.bankBranch')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            name="cardNumber"
            label={t('archive.field.cardNumber')}
            rules={[{ pattern: /^\d{12,30}$/, message: t('archive.form.cardNumber') }]}
          >
            <Input maxLength={30} data-testid="self-card" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('changes.self.join')}</Divider>
      <Form.List name="join">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={16} key={field.key} align="bottom">
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('archive.member.name')}
                    rules={[
                      { required: true, message: t('archive.form.required', { field: t('archive.member.name') }) },
                    ]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <CodeSelect
                    list="relation"
                    codes={relations.codes}
                    name={[field.name, 'relation']}
                    label={t('archive.member.relation')}
                    required
                  />
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item name={[field.name, 'idNumber']} label={t('archive.member.idNumber')} rules={[idRule]}>
                    <Input maxLength={18} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[field.name, 'birthDate']} label={t('archive.member.birthDate')}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item>
                    <Button danger type="link" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ relation: 'child' })} data-testid="self-add-member">
              {t('changes.self.addMember')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start">{t('changes.self.leave')}</Divider>
      <Form.List name="leave">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'seq']}
                  label={t('changes.self.leaveMember')}
                  rules={[{ required: true }]}
                >
                  <Select style={{ width: 220 }} options={memberOptions} />
                </Form.Item>
                <Form.Item name={[field.name, 'cause']} label={t('changes.col.reason')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 140 }}
                    options={memberLeaveCauses.codes.map((c) => ({ value: c, label: t(`changes.leaveCause.${c}`) }))}
                  />
                </Form.Item>
                <Button danger type="link" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add()} disabled={data.members.length === 0}>
              {t('changes.self.leave')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start">{t('changes.self.work')}</Divider>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="workStatus" label={t('archive.field.workStatus')}>
            <Select allowClear options={options('work', workStatuses.codes)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="employer" label={t('archive.field.employer')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="wagesYuan" label={t('changes.self.wagesYuan')}>
            <YuanInput />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="health" label={t('changes.self.health')}>
            <Select allowClear options={options('health', healthStatuses.codes)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="reason"
        label={t('changes.self.reason')}
        rules={[{ required: true, whitespace: true, message: t('changes.form.reasonRequired') }]}
      >
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder={t('changes.form.reasonHint')}
          data-testid="self-reason"
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="self-change-submit">
          {t('changes.self.submit')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** 信息变更: the worker reports a change of their filed household and follows their requests. */
export function SelfChangesCard({ fileStatus }: { fileStatus: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const attach = useAttachToSelfChange();
  const filed = ['filed', 'relieved'].includes(fileStatus);
  const q = useSelfChanges(filed);
  const withdraw = useWithdrawSelfChange();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('changes.self.title')}
      style={{ marginTop: 16 }}
      data-testid="self-changes"
      extra={
        filed &&
        !editing && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="self-change-open"
          >
            {t('changes.self.open')}
          </Button>
        )
      }
    >
      {!filed ? (
        <Alert type="info" showIcon title={t('changes.self.onlyFiled')} />
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('changes.self.hint')} />
          {q.error && <Alert type="error" showIcon title={errorText(q.error)} />}
          {editing && q.data && <ChangeForm data={q.data} onDone={() => setEditing(false)} />}
          {!editing && (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              loading={q.isPending}
              dataSource={q.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('changes.self.none')} /> }}
              columns={[
                {
                  title: t('changes.col.proposedAt'),
                  dataIndex: 'proposedAt',
                  width: 150,
                  render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
                },
                {
                  title: t('changes.col.kinds'),
                  dataIndex: 'kinds',
                  width: 200,
                  render: (k: string[]) => <KindTags kinds={k} />,
                },
                { title: t('changes.col.reason'), dataIndex: 'reason', ellipsis: { showTitle: true } },
                {
                  title: t('changes.col.status'),
                  dataIndex: 'status',
                  width: 150,
                  render: (s: string) => <ChangeStatusTag status={s} />,
                },
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 260,
                  render: (_: unknown, r: SelfChanges['items'][number]) =>
                    ['pending', 'pending_upper'].includes(r.status) && (
                      <Space size={4} wrap>
                        <Upload
                          accept=".jpg,.jpeg,.png,.pdf"
                          showUploadList={false}
                          customRequest={({ file }: { file: unknown }) =>
                            attach.mutate(
                              { id: r.id, file: file as File },
                              {
                                onSuccess: (a) => message.success(t('changes.self.attached', { name: a.filename })),
                                onError: (e) => message.error(errorText(e)),
                              },
                            )
                          }
                        >
                          <Button size="small" icon={<UploadOutlined />} loading={attach.isPending}>
                            {t('changes.self.attach')}
                          </Button>
                        </Upload>
                        <Button
                          size="small"
                          onClick={() =>
                            modal.confirm({
                              title: t('changes.dialog.withdrawConfirm'),
                              onOk: () => withdraw.mutateAsync(r.id),
                            })
                          }
                        >
                          {t('changes.action.withdraw')}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
