import { Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { OrgSelect } from '../../components/OrgSelect';
import { useCurrentUser } from '../auth/api';
import { type StockItem, useTransferGoods, useWriteOffGoods } from './api';
import { afterToday, isoDate, optional, todayValue } from './ui';

interface MoveValues {
  toOrgId: number;
  quantity: number;
  movedOn: Dayjs;
  handler: string;
  reason: string;
  note?: string;
}

/** The fields every stock movement shares: quantity (at most what is there), its date and the person handling it. */
export function QuantityDatePerson({
  stock,
  date = { name: 'movedOn', label: 'goods.movedOn' },
  person = { name: 'handler', label: 'goods.handler' },
}: {
  stock: StockItem;
  date?: { name: string; label: string };
  person?: { name: string; label: string };
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item name="quantity" label={t('goods.quantity')} rules={[{ required: true }]}>
          <InputNumber
            min={1}
            max={Math.max(stock.quantity, 1)}
            precision={0}
            suffix={stock.unit}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={date.name} label={t(date.label)} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={person.name} label={t(person.label)} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** What the node holds of the item, above every movement's form. */
export function Available({ stock }: { stock: StockItem }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary">
      {t('goods.handout.available', { quantity: stock.quantity, unit: stock.unit })}
    </Typography.Paragraph>
  );
}

function useMoveForm(stock: StockItem | null) {
  const me = useCurrentUser();
  const [form] = Form.useForm<MoveValues>();
  useEffect(() => {
    if (stock) form.setFieldsValue({ movedOn: todayValue(), handler: me.displayName, quantity: 1 });
  }, [stock, form, me.displayName]);
  return form;
}

/** 调拨: move part of the node's stock down the tree to a lower union. */
export function TransferModal({ stock, onClose }: { stock: StockItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const transfer = useTransferGoods();
  const form = useMoveForm(stock);
  if (!stock) return null;
  return (
    <FormModal<MoveValues>
      width={640}
      title={t('goods.transfer.title', { item: stock.itemName, org: stock.orgName })}
      okText={t('goods.transfer.ok')}
      form={form}
      pending={transfer.isPending}
      onClose={onClose}
      intro={<Available stock={stock} />}
      onSubmit={async (v) => {
        await transfer.mutateAsync({
          stockId: stock.stockId,
          toOrgId: v.toOrgId,
          quantity: v.quantity,
          movedOn: isoDate(v.movedOn) ?? '',
          handler: v.handler.trim(),
          note: optional(v.note),
        });
        return t('goods.transfer.done', { quantity: v.quantity, unit: stock.unit });
      }}
    >
      <Form.Item
        name="toOrgId"
        label={t('goods.transfer.to')}
        extra={t('goods.transfer.hint')}
        rules={[{ required: true, message: t('goods.transfer.toRequired') }]}
      >
        <OrgSelect disabledReason={(o) => (o.id === stock.orgId ? t('goods.transfer.notSelf') : null)} />
      </Form.Item>
      <QuantityDatePerson stock={stock} />
      <Form.Item name="note" label={t('goods.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** 报损核销: spoiled, expired or lost goods leave the stock with a reason. */
export function WriteOffModal({ stock, onClose }: { stock: StockItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const writeOff = useWriteOffGoods();
  const form = useMoveForm(stock);
  if (!stock) return null;
  return (
    <FormModal<MoveValues>
      width={640}
      title={t('goods.writeOff.title', { item: stock.itemName, org: stock.orgName })}
      okText={t('goods.writeOff.ok')}
      danger
      form={form}
      pending={writeOff.isPending}
      onClose={onClose}
      intro={<Available stock={stock} />}
      onSubmit={async (v) => {
        await writeOff.mutateAsync({
          stockId: stock.stockId,
          quantity: v.quantity,
          movedOn: isoDate(v.movedOn) ?? '',
          reason: v.reason.trim(),
          handler: v.handler.trim(),
        });
        return t('goods.writeOff.done', { quantity: v.quantity, unit: stock.unit });
      }}
    >
      <QuantityDatePerson stock={stock} />
      <Form.Item
        name="reason"
        label={t('goods.writeOff.reason')}
        rules={[{ required: true, whitespace: true, max: 500 }]}
      >
        <Input.TextArea rows={2} placeholder={t('goods.writeOff.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
