import { AutoComplete, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { useCurrentUser } from '../auth/api';
import { fenOf } from '../money/money';
import { YuanInput } from '../money/ui';
import { type StockItem, useReceiveGoods } from './api';
import { useGoodsOptions } from './codes';
import { afterToday, isoDate, optional, todayValue, UNITS } from './ui';

interface Values {
  donorName: string;
  donorKind: string;
  itemName: string;
  category: string;
  unit: string;
  quantity: number;
  value?: string | null;
  receivedOn: Dayjs;
  storagePlace?: string;
  note?: string;
  handler: string;
}

/** 物资登记: goods received at the node enter its stock (donor, item, quantity, estimated value in 元). */
export function ReceiptModal({
  orgId,
  orgName,
  items,
  open,
  onClose,
}: {
  orgId: number;
  orgName: string;
  /** The node's items, offered in the item field (choosing one fills its category and unit). */
  items: StockItem[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const options = useGoodsOptions();
  const me = useCurrentUser();
  const receive = useReceiveGoods();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue({ receivedOn: todayValue(), handler: me.displayName, donorKind: 'enterprise' });
  }, [open, form, me.displayName]);
  const names = [...new Set(items.map((i) => i.itemName))];

  return (
    <FormModal
      open={open}
      width={720}
      title={t('goods.receipt.title', { org: orgName })}
      okText={t('goods.receipt.ok')}
      form={form}
      pending={receive.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await receive.mutateAsync({
          orgId,
          donorName: v.donorName.trim(),
          donorKind: v.donorKind,
          category: v.category,
          itemName: v.itemName.trim(),
          unit: v.unit.trim(),
          quantity: v.quantity,
          valueFen: fenOf(v.value) ?? undefined,
          receivedOn: isoDate(v.receivedOn) ?? '',
          storagePlace: optional(v.storagePlace),
          note: optional(v.note),
          handler: v.handler.trim(),
        });
        return t('goods.receipt.done', { item: v.itemName.trim(), balance: r.balance, unit: v.unit.trim() });
      }}
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            name="donorName"
            label={t('goods.receipt.donorName')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input placeholder={t('goods.receipt.donorPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="donorKind" label={t('goods.receipt.donorKind')} rules={[{ required: true }]}>
            <Select options={options('donorKind')} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="itemName" label={t('goods.item')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <AutoComplete
              options={names.map((n) => ({ value: n }))}
              showSearch={{
                filterOption: (input, o) => String(o?.value ?? '').includes(input.trim()),
              }}
              onSelect={(name: string) => {
                const known = items.find((i) => i.itemName === name);
                if (known) form.setFieldsValue({ category: known.category, unit: known.unit });
              }}
              placeholder={t('goods.receipt.itemPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="category" label={t('goods.category')} rules={[{ required: true }]}>
            <Select options={options('category')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="unit" label={t('goods.unit')} rules={[{ required: true, whitespace: true, max: 10 }]}>
            <AutoComplete options={UNITS.map((u) => ({ value: u }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="quantity" label={t('goods.quantity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1_000_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="value" label={t('goods.receipt.value')} extra={t('goods.receipt.valueHint')}>
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="receivedOn" label={t('goods.receipt.receivedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="storagePlace" label={t('goods.receipt.storagePlace')} rules={[{ max: 100 }]}>
            <Input placeholder={t('goods.receipt.storagePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="handler" label={t('goods.handler')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('goods.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('goods.receipt.hint')}</Typography.Text>
    </FormModal>
  );
}
