import { PaperClipOutlined, SaveOutlined } from '@ant-design/icons';
import { type WorkOrderInput, workOrderCategories } from '@bangfu/contracts';
import { parseResidentId } from '@bangfu/policy';
import {
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useApplyFieldErrors, useErrorText } from '../../../lib/errors';
import { idRule } from '../../archive/intake/fields';
import { uploadAttachment, useRegister, type WorkOrderSummary } from '../api';
import { useDeskOptions } from '../codes';
import { CallerPanel } from './CallerPanel';
import { enterKeys } from './keyboard';

export interface RegisterValues {
  channel: string;
  phone?: string;
  personName?: string;
  idNumber?: string;
  employer?: string;
  categories: string[];
  content: string;
  urgency: 'normal' | 'urgent';
  difficulty: 'general' | 'difficult' | 'complex';
  collective: boolean;
  headCount?: number;
  representatives?: string;
  confidential: boolean;
  receivedAt?: Dayjs;
}

const CHANNEL_KEY = 'bangfu.desk.channel';
const categoryZh = workOrderCategories.zh;
const PHONE = /^(1\d{10}|0\d{9,11}|\d{7,8})$/;
export const normalPhone = (v?: string) => (v ?? '').replace(/[\s-]/g, '');
const opt = (v?: string) => v?.trim() || undefined;

function lastChannel(): string {
  try {
    return localStorage.getItem(CHANNEL_KEY) ?? 'hotline_12351';
  } catch {
    return 'hotline_12351';
  }
}

/** The phone and ID the caller lookup may search: only whole, valid values (the lookup is an audited search). */
export function useLookupKeys(phone?: string, idNumber?: string) {
  const [keys, setKeys] = useState<{ phone?: string; idNumber?: string }>({});
  useEffect(() => {
    const p = normalPhone(phone);
    const id = (idNumber ?? '').trim().toUpperCase();
    const next = {
      phone: PHONE.test(p) ? p : undefined,
      idNumber: id.length === 18 && parseResidentId(id).ok ? id : undefined,
    };
    // A whole mobile or ID at once; a landline or local number once typing pauses (it may still grow).
    const whole = !next.phone || /^1\d{10}$/.test(next.phone);
    const h = setTimeout(
      () => setKeys((old) => (old.phone === next.phone && old.idNumber === next.idNumber ? old : next)),
      whole ? 0 : 600,
    );
    return () => clearTimeout(h);
  }, [phone, idNumber]);
  return keys;
}

export function toInput(v: RegisterValues): WorkOrderInput {
  return {
    channel: v.channel as WorkOrderInput['channel'],
    receivedAt: v.receivedAt ? v.receivedAt.toDate().toISOString() : undefined,
    personName: opt(v.personName),
    idNumber: opt(v.idNumber),
    phone: opt(v.phone) ? normalPhone(v.phone) : undefined,
    employer: opt(v.employer),
    confidential: !!v.confidential,
    categories: v.categories as WorkOrderInput['categories'],
    content: v.content.trim(),
    collective: !!v.collective,
    headCount: v.collective ? v.headCount : undefined,
    representatives: v.collective ? opt(v.representatives) : undefined,
    urgency: v.urgency,
    difficulty: v.difficulty,
  };
}

/** 来电来访登记: keyboard-first (Enter next field, Ctrl+Enter saves); files are uploaded once the order exists. */
export function RegisterForm({
  onSaved,
}: {
  onSaved: (o: WorkOrderSummary, upload: { done: number; failed: string[] }) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const applyFieldErrors = useApplyFieldErrors();
  const options = useDeskOptions();
  const [form] = Form.useForm<RegisterValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const register = useRegister();
  const box = useRef<HTMLDivElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const phoneInput = useRef<HTMLInputElement | null>(null);
  const collective = Form.useWatch('collective', form);
  const keys = useLookupKeys(Form.useWatch('phone', form), Form.useWatch('idNumber', form));
  const focusPhone = () => phoneInput.current?.focus();
  useEffect(focusPhone, []);

  const save = async (v: RegisterValues) => {
    try {
      localStorage.setItem(CHANNEL_KEY, v.channel);
    } catch {
      // storage unavailable: the default channel stays
    }
    let o: WorkOrderSummary;
    try {
      o = await register.mutateAsync(toInput(v));
    } catch (e) {
      if (isApiError(e, 'WORK_ORDER_INVALID_ID')) form.setFields([{ name: 'idNumber', errors: [errorText(e)] }]);
      else if (!applyFieldErrors(form, e, ['phone', 'idNumber', 'headCount', 'categories', 'content']))
        message.error(errorText(e));
      return;
    }
    const failed: string[] = [];
    let done = 0;
    for (const f of files) {
      try {
        await uploadAttachment(o.id, f.originFileObj as File);
        done++;
      } catch (e) {
        failed.push(t('servicedesk.register.uploadFailed', { name: f.name, error: errorText(e) }));
      }
    }
    form.resetFields();
    setFiles([]);
    onSaved(o, { done, failed });
    focusPhone();
  };

  return (
    <Row gutter={16} align="top">
      <Col xs={24} xl={16}>
        <div
          ref={box}
          onKeyDownCapture={enterKeys(
            () => box.current,
            () => form.submit(),
            () => saveButton.current,
          )}
        >
          <Form<RegisterValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            data-testid="register-form"
            initialValues={{
              channel: lastChannel(),
              categories: [],
              urgency: 'normal',
              difficulty: 'general',
              collective: false,
              confidential: false,
            }}
            onFinish={save}
          >
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="channel"
                  label={t('servicedesk.field.channel')}
                  rules={[{ required: true, message: t('servicedesk.register.channelRequired') }]}
                >
                  <Select options={options('channel')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="phone"
                  label={t('servicedesk.field.phone')}
                  rules={[
                    {
                      validator: async (_r, v?: string) => {
                        if (v && !PHONE.test(normalPhone(v))) throw new Error(t('servicedesk.register.phoneInvalid'));
                      },
                    },
                  ]}
                >
                  <Input
                    ref={(el) => {
                      phoneInput.current = el?.input ?? null;
                    }}
                    inputMode="tel"
                    maxLength={20}
                    autoComplete="off"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="personName" label={t('servicedesk.field.name')}>
                  <Input maxLength={50} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="idNumber" label={t('servicedesk.field.idNumber')} rules={[idRule(lang, false)]}>
                  <Input maxLength={18} autoComplete="off" style={{ fontVariantNumeric: 'tabular-nums' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item name="employer" label={t('servicedesk.field.employer')}>
                  <Input maxLength={100} autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="categories"
              label={t('servicedesk.field.categories')}
              rules={[{ required: true, type: 'array', min: 1, message: t('servicedesk.register.categoriesRequired') }]}
            >
              <Select
                mode="multiple"
                options={options('category')}
                showSearch={{
                  // The label in either language or the code: 欠薪, wages, wages_owed.
                  filterOption: (input, o) =>
                    `${o?.label ?? ''} ${categoryZh[o?.value as keyof typeof categoryZh] ?? ''} ${o?.value ?? ''}`
                      .toLowerCase()
                      .includes(input.trim().toLowerCase()),
                }}
              />
            </Form.Item>
            <Form.Item
              name="content"
              label={t('servicedesk.field.content')}
              rules={[{ required: true, whitespace: true, message: t('servicedesk.register.contentRequired') }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={5000}
                showCount
                placeholder={t('servicedesk.register.contentPlaceholder')}
              />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={6}>
                <Form.Item name="urgency" label={t('servicedesk.field.urgency')}>
                  <Radio.Group optionType="button" buttonStyle="solid" options={options('urgency')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={11}>
                <Form.Item name="difficulty" label={t('servicedesk.field.difficulty')}>
                  <Radio.Group optionType="button" options={options('difficulty')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="receivedAt" label={t('servicedesk.field.receivedAt')}>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    placeholder={t('servicedesk.register.receivedAtPlaceholder')}
                    disabledDate={(d) => d.isAfter(new Date(), 'day')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="confidential"
                  label={t('servicedesk.field.confidential')}
                  valuePropName="checked"
                  tooltip={t('servicedesk.register.confidentialHint')}
                >
                  <Switch />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name="collective" label={t('servicedesk.field.collective')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              {collective && (
                <>
                  <Col xs={8} md={4}>
                    <Form.Item
                      name="headCount"
                      label={t('servicedesk.field.headCount')}
                      tooltip={t('servicedesk.register.headCountHint')}
                      rules={[
                        { required: true, type: 'number', min: 5, message: t('servicedesk.register.headCountHint') },
                      ]}
                    >
                      <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={9}>
                    <Form.Item name="representatives" label={t('servicedesk.field.representatives')}>
                      <Input maxLength={500} placeholder={t('servicedesk.register.representativesPlaceholder')} />
                    </Form.Item>
                  </Col>
                </>
              )}
            </Row>
            <Form.Item label={t('servicedesk.field.attachments')} extra={t('servicedesk.register.attachHint')}>
              <Upload
                multiple
                accept=".jpg,.jpeg,.png,.pdf"
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList)}
              >
                <Button icon={<PaperClipOutlined />}>{t('servicedesk.register.attach')}</Button>
              </Upload>
            </Form.Item>
            <Space wrap align="center">
              <Button
                ref={saveButton}
                type="primary"
                htmlType="submit"
                size="large"
                icon={<SaveOutlined />}
                loading={register.isPending}
              >
                {t('servicedesk.register.save')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('servicedesk.register.keys')}
              </Typography.Text>
            </Space>
          </Form>
        </div>
      </Col>
      <Col xs={24} xl={8} style={{ position: 'sticky', top: 72 }}>
        <CallerPanel phone={keys.phone} idNumber={keys.idNumber} />
      </Col>
    </Row>
  );
}
