import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCode } from '../codes';
import { yuan } from '../money';
import type { HouseholdDetail, HouseholdMemberView } from '../types';

/** 家庭成员: relation, age, health, schooling, income of every member (IDs masked unless revealed). */
export function MembersTab({ file }: { file: HouseholdDetail }) {
  const { t } = useTranslation();
  const code = useCode();
  const f = (k: string) => t(`archive.member.${k}`);
  const hidden = <Typography.Text type="secondary">{t('archive.detail.hidden')}</Typography.Text>;
  return (
    <Table<HouseholdMemberView>
      rowKey="seq"
      size="small"
      pagination={false}
      data-testid="members-table"
      dataSource={file.members}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('archive.form.noMembers') }}
      columns={[
        { title: f('name'), dataIndex: 'name', width: 90 },
        { title: f('relation'), dataIndex: 'relation', width: 100, render: (v: string) => code('relation', v) },
        {
          title: f('idNumber'),
          key: 'id',
          width: 180,
          render: (_: unknown, m) => m.idNumber ?? m.idMasked ?? '—',
        },
        { title: f('sex'), dataIndex: 'sex', width: 60, render: (v: string | null) => code('sex', v) },
        {
          title: f('birthDate'),
          key: 'birth',
          width: 110,
          render: (_: unknown, m) =>
            m.birthDate ?? (m.birthYear === null ? '—' : t('archive.detail.yearOnly', { year: m.birthYear })),
        },
        {
          title: f('maritalStatus'),
          dataIndex: 'maritalStatus',
          width: 80,
          render: (v: string | null) => code('marital', v),
        },
        {
          title: f('health'),
          dataIndex: 'health',
          width: 100,
          render: (v: string | null) => (v ? code('health', v) : file.idNumber ? '—' : hidden),
        },
        {
          title: f('disability'),
          dataIndex: 'disability',
          width: 90,
          render: (v: string | null) => code('disability', v),
        },
        {
          title: f('schooling'),
          dataIndex: 'schooling',
          width: 100,
          render: (v: string | null) => code('schooling', v),
        },
        {
          title: f('unitOrSchool'),
          key: 'unit',
          width: 160,
          render: (_: unknown, m) =>
            [m.details.occupation, m.details.unitOrSchool].filter((x) => typeof x === 'string' && x).join(' / ') || '—',
        },
        {
          title: f('monthlyIncome'),
          dataIndex: 'monthlyIncomeFen',
          width: 120,
          align: 'right',
          render: (v: number) => yuan(v),
        },
      ]}
    />
  );
}
