import { LockOutlined } from '@ant-design/icons';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type CodeList, useCode } from '../archive/codes';
import { yuan } from '../archive/money';
import type { DiffEntry, FileDiff } from './api';

/** Which code list labels a field's value (the last part of its path). */
const CODE_OF: Record<string, CodeList> = {
  kind: 'kind',
  sex: 'sex',
  maritalStatus: 'marital',
  health: 'health',
  disability: 'disability',
  workStatus: 'work',
  education: 'education',
  dibaoStatus: 'dibao',
  hukouType: 'hukou',
  housingType: 'housing',
  medicalInsurance: 'insurance',
  mainCause: 'cause',
  secondaryCauses: 'cause',
  relation: 'relation',
  schooling: 'schooling',
};

/** The form's own label of a field path ('incomes.wagesFen' → 工资性收入). */
export function fieldLabel(t: TFunction, field: string, member: boolean): string {
  const [head = '', tail = ''] = field.split('.');
  if (member) return t(`archive.member.${field === 'monthlyIncomeFen' ? 'monthlyIncome' : field}`, field);
  if (head === 'incomes') return t(`archive.income.${tail}`, tail);
  if (head === 'exclusions') return t(`archive.exclusion.${tail}`, tail);
  if (head === 'bank') return t(`archive.field.${tail === 'branch' ? 'bankBranch' : tail}`, tail);
  return t(`archive.field.${field}`, field);
}

function useValue() {
  const { t } = useTranslation();
  const code = useCode();
  return (e: DiffEntry, v: DiffEntry['before']) => {
    if (v === null) return '—';
    const last = e.field.split('.').at(-1) ?? e.field;
    if (e.masked && (last === 'health' || v === '***'))
      return (
        <Typography.Text type="secondary">
          <LockOutlined /> {t('changes.diff.masked')}
        </Typography.Text>
      );
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number' && last.endsWith('Fen')) return yuan(v);
    const list = CODE_OF[last];
    if (list) return Array.isArray(v) ? v.map((c) => code(list, c)).join('、') : code(list, String(v));
    if (Array.isArray(v)) return v.join('、');
    return String(v);
  };
}

function Entries({ entries, member }: { entries: DiffEntry[]; member: boolean }) {
  const { t } = useTranslation();
  const value = useValue();
  return (
    <Table
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={entries}
      columns={[
        {
          title: t('changes.diff.field'),
          dataIndex: 'field',
          width: '30%',
          render: (f: string) => fieldLabel(t, f, member),
        },
        {
          title: t('changes.diff.before'),
          key: 'before',
          width: '35%',
          render: (_: unknown, e: DiffEntry) => value(e, e.before),
        },
        {
          title: t('changes.diff.after'),
          key: 'after',
          width: '35%',
          render: (_: unknown, e: DiffEntry) => <strong>{value(e, e.after)}</strong>,
        },
      ]}
    />
  );
}

const MEMBER_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** A member who joins or leaves is named in the heading: their name and relation are not repeated as rows. */
const shown = (m: FileDiff['members'][number]) =>
  m.change === 'changed' ? m.fields : m.fields.filter((f) => f.field !== 'name' && f.field !== 'relation');

/** A field-level difference: the household's fields, then each member who joins, leaves or changes. */
export function DiffView({ diff }: { diff: FileDiff }) {
  const { t } = useTranslation();
  const code = useCode();
  const f = diff.figures;
  return (
    <div data-testid="diff-view">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('changes.diff.figures', {
          sizeBefore: f.householdSize.before,
          sizeAfter: f.householdSize.after,
          pcBefore: yuan(f.perCapitaMonthlyFen.before),
          pcAfter: yuan(f.perCapitaMonthlyFen.after),
        })}
      </Typography.Paragraph>
      {diff.fields.length === 0 && diff.members.length === 0 && <Empty description={t('changes.diff.empty')} />}
      {diff.fields.length > 0 && <Entries entries={diff.fields} member={false} />}
      {diff.members.map((m) => (
        <div key={`${m.change}-${m.name}-${m.relation}`} style={{ marginTop: 12 }}>
          <Space style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('changes.diff.members')}</Typography.Text>
            <Tag color={MEMBER_COLORS[m.change]}>{t(`changes.diff.${m.change}`)}</Tag>
            <span>
              {m.name} · {code('relation', m.relation)}
            </span>
          </Space>
          {shown(m).length > 0 && <Entries entries={shown(m)} member />}
        </div>
      ))}
    </div>
  );
}
