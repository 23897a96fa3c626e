import { PhoneSchema, type Role, type UpdateUser, type User, UsernameSchema } from '@bangfu/contracts';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect';
import { useLang } from '../../i18n';
import { useApplyFieldErrors, useErrorText } from '../../lib/errors';
import { passwordRule, zodRule } from '../../lib/validation';
import { useCreateUser, useUpdateUser, useUserDetail } from './api';
import { useRoleOptions } from './RoleTags';

export type UserFormTarget = { mode: 'create'; orgId?: number } | { mode: 'edit'; user: User };

interface Values {
  username: string;
  displayName: string;
  orgId: number;
  roles: Role[];
  phone?: string;
  status?: 'active' | 'disabled';
  password?: string;
  confirm?: string;
}

function changedFields(before: User, v: Omit<Values, 'phone'> & { phone: string | null }): UpdateUser {
  const patch: UpdateUser = {};
  const name = v.displayName.trim();
  if (name !== before.displayName) patch.displayName = name;
  if (v.orgId !== before.orgId) patch.orgId = v.orgId;
  if ([...v.roles].sort().join() !== [...before.roles].sort().join()) patch.roles = v.roles;
  if (v.phone !== before.phone) patch.phone = v.phone;
  if (v.status && v.status !== before.status) patch.status = v.status;
  return patch;
}

const FIELDS = ['username', 'displayName', 'orgId', 'roles', 'phone', 'status', 'password'];

/** 新建用户 / 编辑用户. The initial password must be changed by the user at first sign-in. */
export function UserFormModal({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const applyFieldErrors = useApplyFieldErrors();
  const roleOptions = useRoleOptions();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target?.mode === 'edit' ? target.user : null;
  const detail = useUserDetail(editing?.id ?? null);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create' && target.orgId) form.setFieldsValue({ orgId: target.orgId });
  }, [target, form]);
  useEffect(() => {
    const u = detail.data;
    if (u)
      form.setFieldsValue({
        displayName: u.displayName,
        orgId: u.orgId,
        roles: u.roles,
        phone: u.phone ?? undefined,
        status: u.status,
      });
  }, [detail.data, form]);

  if (!target) return null;

  const submit = async (v: Values) => {
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    try {
      if (target.mode === 'create') {
        const u = await create.mutateAsync({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          orgId: v.orgId,
          roles: v.roles,
          phone,
          password: v.password ?? '',
        });
        message.success(t('users.form.created', { name: u.displayName }));
      } else {
        // Send only what changed: the server ends the user's sessions when roles or organisation are sent.
        const patch = changedFields(detail.data ?? target.user, { ...v, phone });
        if (Object.keys(patch).length === 0) message.info(t('users.form.unchanged'));
        else {
          await update.mutateAsync({ id: target.user.id, patch });
          message.success(t('users.form.updated', { name: v.displayName }));
        }
      }
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) message.error(errorText(e));
    }
  };

  const rolesRule = {
    validator: async (_r: unknown, value: Role[] | undefined) => {
      if (value?.includes('worker') && value.length > 1) throw new Error(t('users.form.workerAlone'));
    },
  };

  return (
    <Modal
      open
      width={680}
      title={editing ? t('users.form.editTitle', { name: editing.displayName }) : t('users.form.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {editing && detail.isFetching && !detail.data ? (
        <Spin style={{ display: 'block', padding: 40 }} />
      ) : (
        <Form
          form={form}
          name="user"
          layout="vertical"
          onFinish={submit}
          style={{ marginTop: 16 }}
          data-testid="user-form"
        >
          <Row gutter={16}>
            <Col span={12}>
              {editing ? (
                <Form.Item label={t('users.field.username')}>
                  <Input value={editing.username} disabled />
                </Form.Item>
              ) : (
                <Form.Item
                  name="username"
                  label={t('users.field.username')}
                  extra={t('users.form.usernameHint')}
                  rules={[{ required: true, message: t('users.form.usernameRequired') }, zodRule(UsernameSchema, lang)]}
                >
                  <Input autoComplete="off" maxLength={64} />
                </Form.Item>
              )}
            </Col>
            <Col span={12}>
              <Form.Item
                name="displayName"
                label={t('users.field.displayName')}
                rules={[{ required: true, whitespace: true, message: t('users.form.nameRequired') }, { max: 50 }]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="orgId"
            label={t('users.field.org')}
            rules={[{ required: true, message: t('users.form.orgRequired') }]}
          >
            <OrgSelect data-testid="user-org" />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t('users.field.roles')}
            rules={[{ required: true, message: t('users.form.rolesRequired') }, rolesRule]}
          >
            <Select mode="multiple" options={roleOptions} data-testid="user-roles" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="phone" label={t('users.field.phone')} rules={[zodRule(PhoneSchema, lang)]}>
                <Input maxLength={11} inputMode="tel" />
              </Form.Item>
            </Col>
            {editing && (
              <Col span={12}>
                <Form.Item name="status" label={t('users.field.status')}>
                  <Select
                    options={[
                      { value: 'active', label: t('users.status.active') },
                      { value: 'disabled', label: t('users.status.disabled') },
                    ]}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          {!editing && <PasswordFields />}
        </Form>
      )}
    </Modal>
  );
}

function PasswordFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  return (
    <>
      <Alert type="info" showIcon title={t('users.form.initialPasswordHint')} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="password"
            label={t('users.field.initialPassword')}
            dependencies={['username']}
            rules={[
              { required: true, message: t('password.newRequired') },
              passwordRule(t, () => form.getFieldValue('username')),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_r, value) => {
                  if (value && value !== getFieldValue('password')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
