import { useQuery } from '@tanstack/react-query';
import { Alert, AutoComplete, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { api } from '../../lib/api';
import { useHousehold } from '../archive/api';
import { useCode } from '../archive/codes';
import type { Attachment } from '../archive/types';
import { useCurrentUser } from '../auth/api';
import { type StockItem, useHandOutGoods } from './api';
import { Available, QuantityDatePerson } from './StockMoveModals';
import { isoDate, optional, todayValue } from './ui';

interface Values {
  householdId: number;
  quantity: number;
  handedOn: Dayjs;
  signedName: string;
  cadre: string;
  photoAttachmentId?: number;
  note?: string;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * 发放到户: from the node's stock to a household in the archive under it, signed for by the worker or a family
 * member listed in the file (不得代领). The page names the relation it will record; the server decides.
 */
export function HandoutModal({ stock, onClose }: { stock: StockItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const code = useCode();
  const me = useCurrentUser();
  const handOut = useHandOutGoods();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const householdId = Form.useWatch('householdId', form) ?? 0;
  const signedName = Form.useWatch('signedName', form) ?? '';
  const file = useHousehold(householdId);
  const photos = useQuery({
    queryKey: ['households', 'attachments', householdId],
    queryFn: () => api.get<Attachment[]>(`/households/${householdId}/attachments`),
    enabled: householdId > 0,
  });
  useEffect(() => {
    if (stock) form.setFieldsValue({ handedOn: todayValue(), cadre: me.displayName, quantity: 1 });
    setRefusal(null);
  }, [stock, form, me.displayName]);
  if (!stock) return null;

  const f = file.data;
  const signers = f
    ? [
        { name: f.name, relation: t('goods.handout.self') },
        ...f.members.map((m) => ({ name: m.name, relation: code('relation', m.relation) })),
      ]
    : [];
  const typed = squash(signedName);
  const match = typed ? signers.find((s) => squash(s.name) === typed) : undefined;

  return (
    <FormModal<Values>
      width={680}
      title={t('goods.handout.title', { item: stock.itemName, org: stock.orgName })}
      okText={t('goods.handout.ok')}
      form={form}
      pending={handOut.isPending}
      onClose={onClose}
      intro={<Available stock={stock} />}
      onValuesChange={() => setRefusal(null)}
      onError={setRefusal}
      after={refusal && <Alert type="error" showIcon title={refusal} data-testid="handout-error" />}
      onSubmit={async (v) => {
        await handOut.mutateAsync({
          stockId: stock.stockId,
          householdId: v.householdId,
          quantity: v.quantity,
          handedOn: isoDate(v.handedOn) ?? '',
          signedName: v.signedName.trim(),
          cadre: v.cadre.trim(),
          photoAttachmentId: v.photoAttachmentId,
          note: optional(v.note),
        });
        return t('goods.handout.done', { item: stock.itemName, quantity: v.quantity, unit: stock.unit, name: f?.name });
      }}
    >
      <Form.Item
        name="householdId"
        label={t('goods.household.label')}
        extra={t('goods.household.hint', { org: stock.orgName })}
        rules={[{ required: true, message: t('goods.household.required') }]}
      >
        <HouseholdPicker
          orgId={stock.orgId}
          onChange={() => form.setFieldsValue({ signedName: '', photoAttachmentId: undefined })}
        />
      </Form.Item>
      <QuantityDatePerson
        stock={stock}
        date={{ name: 'handedOn', label: 'goods.handout.handedOn' }}
        person={{ name: 'cadre', label: 'goods.handout.cadre' }}
      />
      <Form.Item
        name="signedName"
        label={t('goods.handout.signedName')}
        rules={[{ required: true, whitespace: true, max: 50 }]}
        extra={
          typed && f ? (
            match ? (
              <span data-testid="signer-relation">{t('goods.handout.willRecord', { relation: match.relation })}</span>
            ) : (
              <Typography.Text type="warning">{t('goods.handout.notListed')}</Typography.Text>
            )
          ) : (
            t('goods.handout.signedHint')
          )
        }
      >
        <AutoComplete
          disabled={!householdId}
          options={signers.map((s) => ({
            value: s.name,
            label: (
              <span>
                {s.name}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {s.relation}
                </Typography.Text>
              </span>
            ),
          }))}
          placeholder={t('goods.handout.signedPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="photoAttachmentId" label={t('goods.handout.photo')} extra={t('goods.handout.photoHint')}>
        <Select
          allowClear
          disabled={!householdId}
          options={(photos.data ?? [])
            .filter((a) => a.mime.startsWith('image/'))
            .map((a) => ({ value: a.id, label: a.filename }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('goods.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
