import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { OrgName } from '../../money/ui';
import { type Shift, useColleagues, useCreateShift, useHandover } from '../api';
import { beijingTime } from '../ui';

/** Put a colleague of the node on the roster (a shift of at most 48 hours). */
export function ShiftModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const colleagues = useColleagues(orgId);
  const create = useCreateShift();
  const [form] = Form.useForm<{ userId: number; times: [Dayjs, Dayjs]; note?: string }>();
  const start = dayjs().add(1, 'hour').startOf('hour');
  return (
    <FormModal
      title={
        <>
          {t('servicedesk.duty.addTitle', { org: '' })}
          <OrgName id={orgId} />
        </>
      }
      okText={t('servicedesk.duty.add')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await create.mutateAsync({
          orgId,
          userId: v.userId,
          startsAt: v.times[0].toDate().toISOString(),
          endsAt: v.times[1].toDate().toISOString(),
          note: v.note?.trim() || undefined,
        });
        return t('servicedesk.duty.added');
      }}
    >
      <Form.Item
        name="userId"
        label={t('servicedesk.duty.person')}
        rules={[{ required: true, message: t('servicedesk.duty.personRequired') }]}
      >
        <Select
          loading={colleagues.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(colleagues.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item
        name="times"
        label={`${t('servicedesk.duty.startsAt')} – ${t('servicedesk.duty.endsAt')}`}
        extra={t('servicedesk.duty.shiftHint')}
        initialValue={[start, start.add(12, 'hour')]}
        rules={[{ required: true, message: t('servicedesk.duty.timesRequired') }]}
      >
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('servicedesk.duty.note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** The person on duty writes what the next shift must know. */
export function HandoverModal({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const { t } = useTranslation();
  const handover = useHandover();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormModal
      title={t('servicedesk.duty.handoverTitle', { name: shift.user.name, time: beijingTime(shift.startsAt) })}
      okText={t('common.save')}
      form={form}
      pending={handover.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await handover.mutateAsync({ id: shift.id, note: v.note.trim() });
        return t('servicedesk.duty.saved');
      }}
    >
      <Form.Item
        name="note"
        label={t('servicedesk.duty.handover')}
        initialValue={shift.handoverNote ?? undefined}
        rules={[{ required: true, whitespace: true, message: t('servicedesk.duty.handoverRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('servicedesk.duty.handoverPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
