import {
  disabilityKinds,
  educations,
  fileKinds,
  healthStatuses,
  housingTypes,
  hukouTypes,
  maritalStatuses,
  PhoneSchema,
} from '@bangfu/contracts';
import { parseResidentId } from '@bangfu/policy';
import { Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../../components/OrgSelect';
import { useLang } from '../../../i18n';
import { zodRule } from '../../../lib/validation';
import { useCode } from '../codes';
import { CodeSelect, useIdRule } from './fields';

const col = { xs: 24, md: 12, xl: 8 };

/** What the ID number says (birth date and sex), shown under it once valid. */
function IdFacts() {
  const { t } = useTranslation();
  const code = useCode();
  const id = Form.useWatch('idNumber') as string | undefined;
  const r = id ? parseResidentId(id) : null;
  if (!r?.ok) return null;
  return (
    <Typography.Text type="secondary" data-testid="id-facts">
      {t('archive.form.idFacts', { birth: r.birthDate, sex: code('sex', r.sex) })}
      {r.converted ? ` ${t('archive.form.idConverted', { id: r.id18 })}` : ''}
    </Typography.Text>
  );
}

/** 基本信息 and 联系与住房: who the worker is and where the household lives. */
export function PersonSection({ self }: { self: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const idRule = useIdRule(true);
  const f = (k: string) => t(`archive.field.${k}`);
  const req = (k: string) => [{ required: true, message: t('archive.form.required', { field: f(k) }) }];
  return (
    <>
      <Card
        title={t('archive.form.section.basic')}
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="intake-basic"
      >
        <Row gutter={16}>
          {!self && (
            <Col {...col}>
              <Form.Item name="orgId" label={f('org')} rules={req('org')}>
                <OrgSelect />
              </Form.Item>
            </Col>
          )}
          <Col {...col}>
            <CodeSelect list="kind" codes={fileKinds.codes} name="kind" label={f('kind')} required />
          </Col>
          <Col {...col}>
            <Form.Item name="name" label={f('name')} rules={req('name')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="idNumber"
              label={f('idNumber')}
              rules={[idRule]}
              validateTrigger="onBlur"
              extra={<IdFacts />}
              required
            >
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="ethnicity" label={f('ethnicity')}>
              <Input maxLength={20} placeholder={t('archive.form.ethnicityHint')} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="politicalStatus" label={f('politicalStatus')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <CodeSelect
              list="marital"
              codes={maritalStatuses.codes}
              name="maritalStatus"
              label={f('maritalStatus')}
              required
            />
          </Col>
          <Col {...col}>
            <CodeSelect list="health" codes={healthStatuses.codes} name="health" label={f('health')} required />
          </Col>
          <Col {...col}>
            <CodeSelect
              list="disability"
              codes={disabilityKinds.codes}
              name="disability"
              label={f('disability')}
              required
            />
          </Col>
          <Col {...col}>
            <CodeSelect list="education" codes={educations.codes} name="education" label={f('education')} />
          </Col>
          <Col {...col}>
            <Form.Item name="modelWorker" label={f('modelWorker')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card
        title={t('archive.form.section.contact')}
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="intake-contact"
      >
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name="phone" label={f('phone')} rules={[zodRule(PhoneSchema, lang)]}>
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="otherContact" label={f('otherContact')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="postalCode"
              label={f('postalCode')}
              rules={[{ pattern: /^\d{6}$/, message: t('archive.form.postalCode') }]}
            >
              <Input maxLength={6} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} xl={16}>
            <Form.Item name="address" label={f('address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="hukouDivision" label={f('hukouDivision')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <CodeSelect list="hukou" codes={hukouTypes.codes} name="hukouType" label={f('hukouType')} />
          </Col>
          <Col {...col}>
            <CodeSelect list="housing" codes={housingTypes.codes} name="housingType" label={f('housingType')} />
          </Col>
          <Col {...col}>
            <Form.Item name="housingAreaM2" label={f('housingAreaM2')}>
              <InputNumber min={0} max={10000} precision={1} style={{ width: '100%' }} suffix="㎡" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </>
  );
}
