import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { usePermission } from '../auth';
import { useHouseholdCertificates } from './api';
import { CertificateTable } from './CertificateTable';

/** 帮扶记录 — 证件: a household's 特困证 / 优待证, newest first, including revoked and superseded ones. */
export function HouseholdCertificates({ householdId }: { householdId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const can = usePermission();
  const q = useHouseholdCertificates(householdId);
  return (
    <CertificateTable
      testId="household-certificates"
      items={q.data?.items ?? []}
      loading={q.isFetching}
      emptyText={q.error ? errorText(q.error) : t('goods.cert.noneHousehold')}
      canWrite={can('assistance.propose')}
      showHolder={false}
    />
  );
}
