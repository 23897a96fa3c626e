import { Descriptions, Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../auth';
import { HouseholdCertificates } from '../../certificates/HouseholdCertificates';
import { HouseholdGoods } from '../../goods/HouseholdGoods';
import { HouseholdGrants } from '../../money/HouseholdGrants';
import type { HouseholdDetail } from '../types';

/** 帮扶记录: the dates of dynamic management, then the money granted, the goods received and the certificates. */
export function AssistanceTab({ file }: { file: HouseholdDetail }) {
  const { t } = useTranslation();
  const can = usePermission();
  const section = (title: string) => (
    <Typography.Title level={5} style={{ marginTop: 24 }}>
      {title}
    </Typography.Title>
  );
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('archive.assistance.last')}>
          {file.lastAssistedAt ? dayjs(file.lastAssistedAt).format('YYYY-MM-DD') : t('archive.assistance.never')}
        </Descriptions.Item>
        <Descriptions.Item label={t('archive.field.lastReviewedAt')}>
          {file.lastReviewedAt ? dayjs(file.lastReviewedAt).format('YYYY-MM-DD') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('archive.field.nextReviewDue')}>{file.nextReviewDue ?? '—'}</Descriptions.Item>
      </Descriptions>
      {can('programme.read') ? (
        <>
          {section(t('archive.assistance.grants'))}
          <HouseholdGrants householdId={file.id} />
          {section(t('archive.assistance.goods'))}
          <HouseholdGoods householdId={file.id} />
          {section(t('archive.assistance.certificates'))}
          <HouseholdCertificates householdId={file.id} />
        </>
      ) : (
        <Empty style={{ marginTop: 32 }} description={t('archive.assistance.empty')} data-testid="assistance-empty" />
      )}
    </>
  );
}
