import { Descriptions, Empty } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { HouseholdDetail } from '../types';

/** 帮扶记录: what the server knows today (last assistance date); payments come with the money module. */
export function AssistanceTab({ file }: { file: HouseholdDetail }) {
  const { t } = useTranslation();
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
      <Empty style={{ marginTop: 32 }} description={t('archive.assistance.empty')} data-testid="assistance-empty" />
    </>
  );
}
