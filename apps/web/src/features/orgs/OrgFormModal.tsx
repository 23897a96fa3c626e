import {
  canParent,
  DivisionCodeSchema,
  type Org,
  type OrgType,
  orgTypeLabels,
  orgTypes,
  type UpdateOrg,
} from '@bangfu/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel, useLang } from '../../i18n';
import { useApplyFieldErrors, useErrorText } from '../../lib/errors';
import { zodRule } from '../../lib/validation';
import { useCreateOrg, useUpdateOrg } from './api';

export type OrgFormTarget =
  | { mode: 'create'; parent: Org }
  | { mode: 'edit'; org: Org; parentType: OrgType | null; isTop: boolean };

interface Values {
  name: string;
  type: OrgType;
  divisionCode?: string;
}

/** 新增下级 / 编辑: the type list offers only the types that may sit under the parent (contracts' canParent). */
export function OrgFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: OrgFormTarget | null;
  onClose: () => void;
  onSaved: (org: Org) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const applyFieldErrors = useApplyFieldErrors();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const type = Form.useWatch('type', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit')
      form.setFieldsValue({
        name: target.org.name,
        type: target.org.type,
        divisionCode: target.org.divisionCode ?? undefined,
      });
  }, [target, form]);

  if (!target) return null;
  const parentType = target.mode === 'create' ? target.parent.type : target.parentType;
  const allowed = orgTypes.filter((ty) => (parentType ? canParent(parentType, ty) : ty === 'national'));
  const typeLocked = target.mode === 'edit' && (target.isTop || target.org.type === 'province');

  const submit = async (v: Values) => {
    const divisionCode = v.divisionCode?.trim() ? v.divisionCode.trim() : null;
    try {
      let saved: Org;
      if (target.mode === 'create') {
        saved = await create.mutateAsync({
          parentId: target.parent.id,
          name: v.name.trim(),
          type: v.type,
          divisionCode,
        });
        message.success(t('orgs.form.created', { name: saved.name }));
      } else {
        const patch: UpdateOrg = { name: v.name.trim(), divisionCode };
        if (!typeLocked) patch.type = v.type;
        saved = await update.mutateAsync({ id: target.org.id, patch });
        message.success(t('orgs.form.updated', { name: saved.name }));
      }
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['name', 'type', 'divisionCode'])) message.error(errorText(e));
    }
  };

  return (
    <Modal
      open
      title={
        target.mode === 'create'
          ? t('orgs.form.createTitle', { parent: target.parent.name })
          : t('orgs.form.editTitle', { name: target.org.name })
      }
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} name="org" layout="vertical" onFinish={submit} style={{ marginTop: 16 }} data-testid="org-form">
        <Form.Item
          name="name"
          label={t('orgs.field.name')}
          rules={[{ required: true, whitespace: true, message: t('orgs.form.nameRequired') }, { max: 100 }]}
        >
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('orgs.field.type')}
          rules={[{ required: true, message: t('orgs.form.typeRequired') }]}
          extra={typeLocked ? t('orgs.form.typeLocked') : undefined}
        >
          <Select
            disabled={typeLocked}
            options={(typeLocked && target.mode === 'edit' ? [target.org.type] : allowed).map((ty) => ({
              value: ty,
              label: label(orgTypeLabels[ty]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('orgs.field.divisionCode')}
          extra={t('orgs.form.divisionCodeHint')}
          rules={[
            zodRule(DivisionCodeSchema, lang),
            { required: type === 'province', message: t('orgs.form.provinceNeedsCode') },
          ]}
        >
          <Input maxLength={12} inputMode="numeric" placeholder="110105" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
