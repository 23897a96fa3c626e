import { CheckCircleTwoTone, MinusCircleTwoTone } from '@ant-design/icons';
import { INCOME_FIELDS } from '@bangfu/policy';
import { Alert, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { useCode } from '../codes';
import { GradeTag } from '../components/StatusTag';
import { yuan } from '../money';
import type { GradeExplanation, HouseholdDetail, ThresholdCheck } from '../types';

/** 致困原因与困难类别: the causes, the grade, and the system's proposal with every input, threshold and the policy. */
export function GradeTab({ file }: { file: HouseholdDetail }) {
  const { t } = useTranslation();
  const code = useCode();
  const label = useLabel();
  const x = file.gradeExplanation;
  const overridden = !!file.grade && !!file.gradeProposed && file.grade !== file.gradeProposed;
  // Stored before members' incomes counted: say so when a member has an income the proposal did not see.
  const oldWay = !!x && !x.explanation.inputs.memberIncomes && file.members.some((m) => m.monthlyIncomeFen > 0);
  const fieldRows = (incomes: Record<string, number>, keep: (k: string) => boolean) =>
    Object.entries(incomes)
      .filter(([k]) => keep(k))
      .map(([k, v]) => ({ key: k, name: t(`archive.income.${k}`, { defaultValue: k }), value: yuan(v) }));
  const memberRows = (inputs: GradeExplanation['explanation']['inputs']) => {
    if (!inputs.memberIncomes) return [];
    return [
      { key: 'own', name: t('archive.grade.ownIncome'), value: yuan(inputs.ownIncomeFen ?? 0) },
      ...inputs.memberIncomes.map((m, i) => {
        const name = m.name || code('relation', m.relation);
        const monthly = yuan(m.monthlyIncomeFen);
        return {
          key: `member${i}`,
          name: m.counted
            ? t('archive.grade.memberIncome', { name, monthly })
            : t('archive.grade.memberNotCounted', { name, monthly }),
          value: m.counted ? yuan(m.annualFen) : t('archive.grade.notCounted'),
        };
      }),
      { key: 'members', name: t('archive.grade.membersIncome'), value: yuan(inputs.membersIncomeFen ?? 0) },
    ];
  };
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('archive.field.mainCause')}>
          <Tag color="red">{code('cause', file.mainCause)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('archive.field.secondaryCauses')}>
          {file.secondaryCauses.length ? file.secondaryCauses.map((c) => <Tag key={c}>{code('cause', c)}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('archive.grade.proposed')}>
          <span data-testid="grade-proposed">
            {x ? x.grade ? <GradeTag grade={x.grade} /> : t('archive.grade.notEligible') : t('archive.grade.noPolicy')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('archive.grade.confirmed')}>
          {file.grade ? <GradeTag grade={file.grade} /> : t('archive.grade.notYet')}
          {overridden && (
            <Typography.Text type="warning" style={{ marginLeft: 8 }}>
              {t('archive.grade.overridden', { reason: file.gradeOverrideReason ?? '' })}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {!x ? (
        <Empty style={{ marginTop: 24 }} description={t('archive.grade.noExplanation')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} size={16}>
          {oldWay && <Alert type="warning" showIcon title={t('archive.grade.oldWay')} data-testid="grade-old-way" />}
          <Alert
            type={x.grade ? 'success' : 'warning'}
            showIcon
            title={label(x.explanation.summary)}
            data-testid="grade-summary"
          />
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} title={t('archive.grade.policy')}>
            <Descriptions.Item label={t('archive.grade.policyId')}>
              {x.explanation.policy.name ?? x.explanation.policy.policyId}
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.grade.version')}>{x.explanation.policy.version}</Descriptions.Item>
            <Descriptions.Item label={t('archive.grade.effectiveFrom')}>
              {x.explanation.policy.effectiveFrom}
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.grade.vocabulary')}>
              {t(`policy.vocabulary.${x.explanation.policy.vocabulary}`, {
                defaultValue: x.explanation.policy.vocabulary,
              })}
            </Descriptions.Item>
            {x.explanation.policy.source && (
              <Descriptions.Item label={t('archive.grade.source')} span={4}>
                {x.explanation.policy.source}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table<Record<string, unknown>>
            size="small"
            rowKey="key"
            title={() => <Typography.Text strong>{t('archive.grade.inputs')}</Typography.Text>}
            pagination={false}
            dataSource={[
              // Income fields, then the members' part, then spending and losses.
              ...fieldRows(x.explanation.inputs.incomes, (k) => k in INCOME_FIELDS),
              ...memberRows(x.explanation.inputs),
              ...fieldRows(x.explanation.inputs.incomes, (k) => !(k in INCOME_FIELDS)),
              { key: 'size', name: t('archive.field.householdSize'), value: x.householdSize },
              { key: 'pc', name: t('archive.field.perCapita'), value: yuan(x.perCapitaMonthlyFen) },
            ]}
            columns={[
              { title: t('archive.grade.input'), dataIndex: 'name' },
              { title: t('archive.grade.value'), dataIndex: 'value', align: 'right' },
            ]}
          />
          <Table<ThresholdCheck>
            size="small"
            rowKey="name"
            data-testid="grade-thresholds"
            title={() => <Typography.Text strong>{t('archive.grade.thresholds')}</Typography.Text>}
            pagination={false}
            dataSource={x.explanation.thresholds}
            columns={[
              { title: t('archive.grade.threshold'), key: 'label', render: (_: unknown, r) => label(r) },
              { title: t('archive.grade.line'), dataIndex: 'valueFen', align: 'right', render: (v: number) => yuan(v) },
              {
                title: t('archive.grade.actual'),
                dataIndex: 'actualFen',
                align: 'right',
                render: (v: number) => yuan(v),
              },
              {
                title: t('archive.grade.crossed'),
                dataIndex: 'crossed',
                align: 'center',
                render: (v: boolean) =>
                  v ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <MinusCircleTwoTone twoToneColor="#bfbfbf" />,
              },
            ]}
          />
          <List
            size="small"
            bordered
            header={<Typography.Text strong>{t('archive.grade.steps')}</Typography.Text>}
            dataSource={x.explanation.steps}
            renderItem={(s, i) => (
              <List.Item>
                {i + 1}. {label(s)}
              </List.Item>
            )}
          />
          {x.explanation.warnings.length > 0 && (
            <Alert type="warning" showIcon title={x.explanation.warnings.map((w) => label(w)).join('；')} />
          )}
        </Space>
      )}
    </>
  );
}
