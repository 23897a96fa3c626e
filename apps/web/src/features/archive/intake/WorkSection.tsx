import { causes, dibaoStatuses, medicalInsurances, workStatuses } from '@bangfu/contracts';
import { Card, Checkbox, Col, DatePicker, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from './fields';

const col = { xs: 24, md: 12, xl: 8 };

/** 工作与保障 and 致困原因 (one main, up to three secondary). */
export function WorkSection() {
  const { t } = useTranslation();
  const f = (k: string) => t(`archive.field.${k}`);
  const main = Form.useWatch('mainCause') as string | undefined;
  return (
    <>
      <Card title={t('archive.form.section.work')} size="small" style={{ marginBottom: 16 }} data-testid="intake-work">
        <Row gutter={16}>
          <Col {...col}>
            <CodeSelect list="work" codes={workStatuses.codes} name="workStatus" label={f('workStatus')} required />
          </Col>
          <Col {...col}>
            <Form.Item name="workStartDate" label={f('workStartDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="industry" label={f('industry')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="employer" label={f('employer')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="employerNature" label={f('employerNature')}>
              <Input maxLength={50} placeholder={t('archive.form.employerNatureHint')} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="enterpriseStatus" label={f('enterpriseStatus')}>
              <Input maxLength={50} placeholder={t('archive.form.enterpriseStatusHint')} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <CodeSelect
              list="insurance"
              codes={medicalInsurances.codes}
              name="medicalInsurance"
              label={f('medicalInsurance')}
            />
          </Col>
          <Col {...col}>
            <CodeSelect list="dibao" codes={dibaoStatuses.codes} name="dibaoStatus" label={f('dibaoStatus')} required />
          </Col>
          <Col xs={24} xl={8}>
            <Form.Item label={f('situation')}>
              <Form.Item name="singleParent" valuePropName="checked" noStyle>
                <Checkbox>{f('singleParent')}</Checkbox>
              </Form.Item>
              <Form.Item name="zeroEmployment" valuePropName="checked" noStyle>
                <Checkbox>{f('zeroEmployment')}</Checkbox>
              </Form.Item>
              <Form.Item name="canSelfHelp" valuePropName="checked" noStyle>
                <Checkbox>{f('canSelfHelp')}</Checkbox>
              </Form.Item>
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card
        title={t('archive.form.section.causes')}
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="intake-causes"
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <CodeSelect list="cause" codes={causes.codes} name="mainCause" label={f('mainCause')} required />
          </Col>
          <Col xs={24} md={12} xl={16}>
            <CodeSelect
              list="cause"
              codes={causes.codes}
              name="secondaryCauses"
              label={f('secondaryCauses')}
              multiple
              max={3}
              exclude={main}
              placeholder={t('archive.form.secondaryHint')}
            />
          </Col>
        </Row>
      </Card>
    </>
  );
}
