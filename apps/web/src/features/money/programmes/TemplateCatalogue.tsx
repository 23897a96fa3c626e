import { Button, Card, Col, Collapse, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { useErrorText } from '../../../lib/errors';
import type { ProgrammeTemplateInfo } from '../api';
import { useMoneyCode } from '../codes';
import { ParamsView } from './ParamsEditor';

/** 模板目录: every rule template named after its source, with the seed's sentence and its numbers. */
export function TemplateCatalogue({
  templates,
  loading,
  error,
  onAdopt,
}: {
  templates: ProgrammeTemplateInfo[];
  loading: boolean;
  error: unknown;
  onAdopt?: (t: ProgrammeTemplateInfo) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const code = useMoneyCode();
  const errorText = useErrorText();
  if (!loading && !templates.length) return <Empty description={error ? errorText(error) : undefined} />;
  return (
    <Row gutter={[16, 16]} data-testid="template-catalogue">
      {templates.map((tpl) => (
        <Col key={tpl.id} xs={24} xl={12}>
          <Card
            size="small"
            loading={loading}
            title={
              <Space wrap>
                <span>{label(tpl.name)}</span>
                <Tag>{tpl.programme ? code('programme', tpl.programme) : t('money.rules.decidesOnly')}</Tag>
              </Space>
            }
            extra={
              onAdopt && (
                <Button size="small" type="link" onClick={() => onAdopt(tpl)}>
                  {t('money.rules.adopt')}
                </Button>
              )
            }
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tpl.id} ·{' '}
              {t('money.rules.seedRef', { seed: tpl.source.seed, part: tpl.source.part, lines: tpl.source.lines })}
            </Typography.Text>
            <blockquote
              style={{
                margin: '8px 0',
                padding: '6px 12px',
                borderLeft: '3px solid #b8141d',
                background: '#fafafa',
                fontSize: 13,
              }}
            >
              {tpl.source.quote}
            </blockquote>
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'defaults',
                  label: t('money.rules.defaults'),
                  children: <ParamsView params={tpl.defaults} />,
                },
              ]}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
