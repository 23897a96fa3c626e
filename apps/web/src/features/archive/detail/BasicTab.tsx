import { Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCode } from '../codes';
import { yuan } from '../money';
import type { HouseholdDetail } from '../types';

const text = (v: unknown): ReactNode => (v === null || v === undefined || v === '' ? '—' : String(v));

/** 基本信息: the national form's fields; personal fields masked unless revealed (audited). */
export function BasicTab({ file }: { file: HouseholdDetail }) {
  const { t } = useTranslation();
  const code = useCode();
  const d = file.details;
  const f = (k: string) => t(`archive.field.${k}`);
  const hidden = <Typography.Text type="secondary">{t('archive.detail.hidden')}</Typography.Text>;
  const flag = (v: unknown) => (v ? t('common.yes') : t('common.no'));
  const bank = file.bank;
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} title={f('sectionIdentity')}>
        <Descriptions.Item label={f('name')}>{file.name}</Descriptions.Item>
        <Descriptions.Item label={f('idNumber')}>
          <span data-testid="detail-id">{file.idNumber ?? file.idMasked}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f('sex')}>{code('sex', file.sex)}</Descriptions.Item>
        <Descriptions.Item label={f('birthDate')}>
          <span data-testid="detail-birth">
            {file.birthDate ?? t('archive.detail.yearOnly', { year: file.birthYear })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={f('kind')}>{code('kind', file.kind)}</Descriptions.Item>
        <Descriptions.Item label={f('org')}>{file.orgName}</Descriptions.Item>
        <Descriptions.Item label={f('ethnicity')}>{text(d.ethnicity)}</Descriptions.Item>
        <Descriptions.Item label={f('politicalStatus')}>{text(d.politicalStatus)}</Descriptions.Item>
        <Descriptions.Item label={f('maritalStatus')}>{code('marital', file.maritalStatus)}</Descriptions.Item>
        <Descriptions.Item label={f('health')}>{file.health ? code('health', file.health) : hidden}</Descriptions.Item>
        <Descriptions.Item label={f('disability')}>{code('disability', file.disability)}</Descriptions.Item>
        <Descriptions.Item label={f('education')}>{code('education', file.education)}</Descriptions.Item>
        <Descriptions.Item label={f('modelWorker')}>{text(d.modelWorker)}</Descriptions.Item>
      </Descriptions>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        title={f('sectionContact')}
        style={{ marginTop: 16 }}
      >
        <Descriptions.Item label={f('phone')}>{file.phone ?? file.phoneMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('otherContact')}>{text(d.otherContact)}</Descriptions.Item>
        <Descriptions.Item label={f('postalCode')}>{text(d.postalCode)}</Descriptions.Item>
        <Descriptions.Item label={f('address')} span={2}>
          {text(d.address)}
        </Descriptions.Item>
        <Descriptions.Item label={f('hukouDivision')}>{text(d.hukouDivision)}</Descriptions.Item>
        <Descriptions.Item label={f('hukouType')}>{code('hukou', d.hukouType as string)}</Descriptions.Item>
        <Descriptions.Item label={f('housingType')}>{code('housing', d.housingType as string)}</Descriptions.Item>
        <Descriptions.Item label={f('housingAreaM2')}>
          {d.housingAreaM2 === null || d.housingAreaM2 === undefined ? '—' : `${d.housingAreaM2} ㎡`}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        title={f('sectionWork')}
        style={{ marginTop: 16 }}
      >
        <Descriptions.Item label={f('workStatus')}>{code('work', file.workStatus)}</Descriptions.Item>
        <Descriptions.Item label={f('workStartDate')}>{text(d.workStartDate)}</Descriptions.Item>
        <Descriptions.Item label={f('industry')}>{text(d.industry)}</Descriptions.Item>
        <Descriptions.Item label={f('employer')}>{text(d.employer)}</Descriptions.Item>
        <Descriptions.Item label={f('employerNature')}>{text(d.employerNature)}</Descriptions.Item>
        <Descriptions.Item label={f('enterpriseStatus')}>{text(d.enterpriseStatus)}</Descriptions.Item>
        <Descriptions.Item label={f('medicalInsurance')}>
          {code('insurance', d.medicalInsurance as string)}
        </Descriptions.Item>
        <Descriptions.Item label={f('dibaoStatus')}>{code('dibao', file.dibaoStatus)}</Descriptions.Item>
        <Descriptions.Item label={f('situation')}>
          {file.singleParent && <Tag>{f('singleParent')}</Tag>}
          {file.zeroEmployment && <Tag>{f('zeroEmployment')}</Tag>}
          <Tag>
            {f('canSelfHelp')}：{flag(d.canSelfHelp ?? true)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={f('householdSize')}>{file.householdSize}</Descriptions.Item>
        <Descriptions.Item label={f('annualIncome')}>{yuan(file.annualIncomeFen)}</Descriptions.Item>
        <Descriptions.Item label={f('perCapita')}>
          <span data-testid="detail-per-capita">{yuan(file.perCapitaMonthlyFen)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} title={f('sectionBank')} style={{ marginTop: 16 }}>
        {bank === null ? (
          <Descriptions.Item label={f('bankName')}>—</Descriptions.Item>
        ) : 'masked' in bank ? (
          <Descriptions.Item label={f('cardNumber')}>{hidden}</Descriptions.Item>
        ) : (
          <>
            <Descriptions.Item label={f('bankName')}>{bank.bankName}</Descriptions.Item>
            <Descriptions.Item label={f('bankBranch')}>{text(bank.branch)}</Descriptions.Item>
            <Descriptions.Item label={f('cardNumber')}>{bank.cardNumber}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Descriptions bordered size="small" column={1} title={f('sectionNeeds')} style={{ marginTop: 16 }}>
        {(['skills', 'jobWishes', 'needs', 'thoughts', 'measures'] as const).map((k) => (
          <Descriptions.Item key={k} label={f(k)}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{text(d[k])}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('archive.detail.created', {
          at: dayjs(file.createdAt).format('YYYY-MM-DD HH:mm'),
          filed: file.filedAt ? dayjs(file.filedAt).format('YYYY-MM-DD') : '—',
          version: file.version,
        })}
      </Typography.Paragraph>
    </>
  );
}
