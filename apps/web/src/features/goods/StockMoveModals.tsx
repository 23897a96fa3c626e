import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect';
import { useErrorText } from '../../lib/errors';
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

/** The fields every stock movement shares: quantity (at most what is there), date, who handled it. */
function CommonFields({ stock }: { stock: StockItem }) {
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
        <Form.Item name="movedOn" label={t('goods.movedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="handler" label={t('goods.handler')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
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
  const { message } = App.useApp();
  const errorText = useErrorText();
  const transfer = useTransferGoods();
  const form = useMoveForm(stock);
  if (!stock) return null;
  return (
    <Modal
      open
      width={640}
      title={t('goods.transfer.title', { item: stock.itemName, org: stock.orgName })}
      okText={t('goods.transfer.ok')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transfer.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('goods.handout.available', { quantity: stock.quantity, unit: stock.unit })}
      </Typography.Paragraph>
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        onFinish={async (v) => {
          try {
            await transfer.mutateAsync({
              stockId: stock.stockId,
              toOrgId: v.toOrgId,
              quantity: v.quantity,
              movedOn: isoDate(v.movedOn) ?? '',
              handler: v.handler.trim(),
              note: optional(v.note),
            });
            message.success(t('goods.transfer.done', { quantity: v.quantity, unit: stock.unit }));
            onClose();
          } catch (e) {
            message.error(errorText(e));
          }
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
        <CommonFields stock={stock} />
        <Form.Item name="note" label={t('goods.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 报损核销: spoiled, expired or lost goods leave the stock with a reason. */
export function WriteOffModal({ stock, onClose }: { stock: StockItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const writeOff = useWriteOffGoods();
  const form = useMoveForm(stock);
  if (!stock) return null;
  return (
    <Modal
      open
      width={640}
      title={t('goods.writeOff.title', { item: stock.itemName, org: stock.orgName })}
      okText={t('goods.writeOff.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={writeOff.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('goods.handout.available', { quantity: stock.quantity, unit: stock.unit })}
      </Typography.Paragraph>
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        onFinish={async (v) => {
          try {
            await writeOff.mutateAsync({
              stockId: stock.stockId,
              quantity: v.quantity,
              movedOn: isoDate(v.movedOn) ?? '',
              reason: v.reason.trim(),
              handler: v.handler.trim(),
            });
            message.success(t('goods.writeOff.done', { quantity: v.quantity, unit: stock.unit }));
            onClose();
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <CommonFields stock={stock} />
        <Form.Item
          name="reason"
          label={t('goods.writeOff.reason')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input.TextArea rows={2} placeholder={t('goods.writeOff.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
