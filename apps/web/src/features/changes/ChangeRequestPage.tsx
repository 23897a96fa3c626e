import { changeKinds, type HouseholdInput } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Card, Checkbox, Form, Input, Result, Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useErrorText } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { fetchVersion, useAttachments, useHousehold } from '../archive/api';
import { IntakeForm } from '../archive/intake/IntakeForm';
import { type Proposal, useProposeChange } from './api';

const MANAGED = ['filed', 'relieved'];

interface Meta {
  kinds: Proposal['kinds'];
  reason: string;
  attachmentIds: number[];
}

/**
 * 变更申请 by staff: the intake form prefilled from the file's current version (read through the audited
 * `/versions/:version`), with the kinds of change, the reason and the evidence already attached to the file.
 */
export default function ChangeRequestPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [meta] = Form.useForm<Meta>();
  const file = useHousehold(id);
  const version = file.data?.version;
  const content = useQuery({
    queryKey: ['households', 'version', id, version],
    queryFn: () => fetchVersion(id, version as number),
    enabled: !!version && MANAGED.includes(file.data?.status ?? ''),
    staleTime: 0,
    gcTime: 0,
  });
  const attachments = useAttachments(id);
  const propose = useProposeChange(id);

  let body: React.ReactNode;
  if (file.error || content.error) body = <Result status="warning" title={errorText(file.error ?? content.error)} />;
  else if (file.data && !MANAGED.includes(file.data.status))
    body = <Result status="warning" title={t('changes.form.notFiled')} />;
  else if (!file.data || !content.data) body = <Spin style={{ display: 'block', margin: 80 }} />;
  else {
    const save = async (proposed: HouseholdInput) => {
      let m: Meta;
      try {
        m = await meta.validateFields();
      } catch {
        window.scrollTo({ top: 0, behavior: 'smooth' });
        throw new Error(t('changes.form.kindsRequired'));
      }
      const r = await propose.mutateAsync({
        baseVersion: version as number,
        kinds: m.kinds,
        reason: m.reason,
        attachmentIds: m.attachmentIds ?? [],
        proposed,
      });
      message.success(r.needsUpper ? t('changes.form.submittedUpper') : t('changes.form.submitted'));
      navigate(`/archive/${id}`);
    };
    body = (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('changes.form.audited')} />
        <Form<Meta> form={meta} layout="vertical" data-testid="change-meta" initialValues={{ attachmentIds: [] }}>
          <Form.Item
            name="kinds"
            label={t('changes.form.kinds')}
            rules={[{ required: true, message: t('changes.form.kindsRequired') }]}
          >
            <Checkbox.Group
              options={changeKinds.codes.map((k) => ({ value: k, label: t(`changes.kind.${k}`) }))}
              data-testid="change-kinds"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('changes.form.reason')}
            rules={[{ required: true, whitespace: true, message: t('changes.form.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} placeholder={t('changes.form.reasonHint')} />
          </Form.Item>
          <Form.Item
            name="attachmentIds"
            label={t('changes.form.attachments')}
            extra={t('changes.form.attachmentsHint')}
          >
            <Select
              mode="multiple"
              allowClear
              options={(attachments.data ?? []).map((a) => ({ value: a.id, label: a.filename }))}
            />
          </Form.Item>
        </Form>
        <IntakeForm
          mode="staff"
          initial={content.data.content}
          submitLabel={t('changes.form.submit')}
          onSubmit={save}
          onCancel={() => navigate(`/archive/${id}`)}
        />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('changes.form.title')}
        subtitle={
          file.data
            ? t('changes.form.subtitle', { name: file.data.name, fileNo: file.data.fileNo, version: file.data.version })
            : undefined
        }
      />
      <Card>{body}</Card>
    </>
  );
}
