import type { HouseholdInput } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Card, Result, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { useCurrentUser } from '../../auth/api';
import { fetchVersion, useCreateHousehold, useHousehold, useUpdateHousehold } from '../api';
import { IntakeForm } from './IntakeForm';

const EDITABLE = ['draft', 'submitted', 'objection'];

function EditFile({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const file = useHousehold(id);
  const version = file.data?.version;
  // The whole current content (personal data inside): the server checks personal.reveal and audits the read.
  const content = useQuery({
    queryKey: ['households', 'version', id, version],
    queryFn: () => fetchVersion(id, version as number),
    enabled: !!version,
    staleTime: 0,
    gcTime: 0,
  });
  const update = useUpdateHousehold(id);
  if (file.error || content.error) return <Result status="warning" title={errorText(file.error ?? content.error)} />;
  if (!file.data || !content.data) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!EDITABLE.includes(file.data.status)) return <Result status="warning" title={t('archive.form.notEditable')} />;
  const save = async (input: HouseholdInput) => {
    await update.mutateAsync({ input, expectedVersion: version });
    message.success(t('archive.form.saved', { fileNo: file.data?.fileNo }));
    navigate(`/archive/${id}`);
  };
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('archive.form.editAudited')} />
      <IntakeForm
        mode="staff"
        initial={content.data.content}
        submitLabel={t('archive.form.saveEdit')}
        onSubmit={save}
        onCancel={() => navigate(`/archive/${id}`)}
      />
    </>
  );
}

/** 新建档案 (a draft with its file number) or 编辑 (a new version while draft, submitted or in verification). */
export default function IntakePage({ editId }: { editId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const create = useCreateHousehold();
  const defaults = useMemo(() => ({ orgId: me.orgId }), [me.orgId]);
  const save = async (input: HouseholdInput) => {
    const r = await create.mutateAsync(input);
    message.success(t('archive.form.created', { fileNo: r.fileNo }));
    navigate(`/archive/${r.id}`);
  };
  return (
    <>
      <PageHeader
        title={editId ? t('archive.form.editTitle') : t('archive.action.create')}
        subtitle={t('archive.form.subtitle')}
      />
      <Card>
        {editId ? (
          <EditFile id={editId} />
        ) : (
          <IntakeForm
            mode="staff"
            defaults={defaults}
            submitLabel={t('archive.form.saveDraft')}
            onSubmit={save}
            onCancel={() => navigate('/archive')}
          />
        )}
      </Card>
    </>
  );
}
