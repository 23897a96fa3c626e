import { householdIncome } from '@bangfu/policy';
import { Alert, Card, Checkbox, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { useCode } from '../codes';
import { toFen, yuan } from '../money';
import { EXCLUSION_KEYS, INCOME_KEYS, type IncomeKey, type IntakeValues } from './convert';
import { YuanInput } from './fields';

const INCOME: IncomeKey[] = INCOME_KEYS.slice(0, 5) as IncomeKey[];
const SPENDING: IncomeKey[] = INCOME_KEYS.slice(5, 10) as IncomeKey[];

/**
 * The household size (family rule of seed 004) and per-capita monthly income as the server will compute them:
 * `householdIncome`, members' 月收入 × 12 for those the rule counts, each member's part listed.
 */
function Preview() {
  const { t } = useTranslation();
  const lang = useLang();
  const code = useCode();
  const form = Form.useFormInstance<IntakeValues>();
  const values = Form.useWatch([], form) as IntakeValues | undefined;
  if (!values?.maritalStatus) return null;
  try {
    const figures = Object.fromEntries(INCOME_KEYS.map((k) => [k, toFen(values.incomesYuan?.[k])]));
    const { count, test } = householdIncome(figures, {
      maritalStatus: values.maritalStatus,
      singleParent: values.singleParent,
      members: (values.members ?? [])
        .filter((m) => m?.relation)
        .map((m) => ({
          name: m.name ?? null,
          relation: m.relation as NonNullable<typeof m.relation>,
          maritalStatus: m.maritalStatus ?? null,
          monthlyIncomeFen: toFen(m.monthlyIncome),
        })),
    });
    const memberLines = test.members.map((m) => {
      const name = m.name || code('relation', m.relation);
      const monthly = yuan(m.monthlyIncomeFen);
      return m.counted
        ? t('archive.form.previewMember', { name, monthly, annual: yuan(m.annualFen) })
        : t('archive.form.previewMemberNot', { name, monthly });
    });
    return (
      <Alert
        type="info"
        showIcon
        data-testid="income-preview"
        title={t('archive.form.preview', {
          size: count.size,
          own: yuan(test.ownIncomeFen),
          members: yuan(test.membersIncomeFen),
          net: yuan(test.netAnnualFen),
          perCapita: yuan(test.perCapitaMonthlyFen),
        })}
        description={
          <>
            <div>{lang === 'en' ? count.explanation.en : count.explanation.zh}</div>
            {memberLines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </>
        }
      />
    );
  } catch {
    return null;
  }
}

/** 收入与支出 (12 months before applying, 元) and the exclusion facts. */
export function IncomeSection() {
  const { t } = useTranslation();
  const item = (k: IncomeKey) => (
    <Col xs={24} md={12} xl={8} key={k}>
      <Form.Item name={['incomesYuan', k]} label={t(`archive.income.${k}`)}>
        <YuanInput />
      </Form.Item>
    </Col>
  );
  return (
    <Card
      title={t('archive.form.section.income')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="intake-income"
    >
      <Typography.Paragraph type="secondary">{t('archive.form.incomeHint')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('archive.form.incomeTitle')}</Typography.Title>
      <Row gutter={16}>{INCOME.map(item)}</Row>
      <Typography.Title level={5}>{t('archive.form.spendingTitle')}</Typography.Title>
      <Row gutter={16}>{SPENDING.map(item)}</Row>
      <Row gutter={16}>{item('hardshipLossFen')}</Row>
      <Preview />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('archive.form.exclusionsTitle')}
      </Typography.Title>
      <Row gutter={[16, 8]}>
        {EXCLUSION_KEYS.map((k) => (
          <Col xs={24} md={12} xl={8} key={k}>
            <Form.Item name={['exclusions', k]} valuePropName="checked" noStyle>
              <Checkbox>{t(`archive.exclusion.${k}`)}</Checkbox>
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
