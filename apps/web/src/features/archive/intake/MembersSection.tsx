import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  disabilityKinds,
  healthStatuses,
  maritalStatuses,
  medicalInsurances,
  relations,
  schoolings,
  sexes,
} from '@bangfu/contracts';
import { Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect, useIdRule, YuanInput } from './fields';

const col = { xs: 24, md: 12, xl: 6 };

/** 家庭成员: one card a member (the worker is not listed here), at most 20. */
export function MembersSection() {
  const { t } = useTranslation();
  const idRule = useIdRule(false);
  const f = (k: string) => t(`archive.member.${k}`);
  return (
    <Card
      title={t('archive.form.section.members')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="intake-members"
    >
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('archive.form.noMembers')} />
            )}
            {fields.map((field, i) => (
              <Card
                key={field.key}
                type="inner"
                size="small"
                style={{ marginBottom: 12 }}
                data-testid={`member-${i}`}
                title={t('archive.form.memberN', { n: i + 1 })}
                extra={
                  <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('archive.form.removeMember')}
                  </Button>
                }
              >
                <Row gutter={16}>
                  <Col {...col}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={f('name')}
                      rules={[{ required: true, message: t('archive.form.required', { field: f('name') }) }]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col {...col}>
                    <CodeSelect
                      list="relation"
                      codes={relations.codes}
                      name={[field.name, 'relation']}
                      label={f('relation')}
                      required
                    />
                  </Col>
                  <Col {...col}>
                    <Form.Item
                      name={[field.name, 'idNumber']}
                      label={f('idNumber')}
                      rules={[idRule]}
                      validateTrigger="onBlur"
                    >
                      <Input maxLength={20} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col {...col}>
                    <CodeSelect list="sex" codes={sexes.codes} name={[field.name, 'sex']} label={f('sex')} />
                  </Col>
                  <Col {...col}>
                    <Form.Item name={[field.name, 'birthDate']} label={f('birthDate')}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col {...col}>
                    <CodeSelect
                      list="marital"
                      codes={maritalStatuses.codes}
                      name={[field.name, 'maritalStatus']}
                      label={f('maritalStatus')}
                    />
                  </Col>
                  <Col {...col}>
                    <Form.Item name={[field.name, 'politicalStatus']} label={f('politicalStatus')}>
                      <Input maxLength={20} />
                    </Form.Item>
                  </Col>
                  <Col {...col}>
                    <CodeSelect
                      list="health"
                      codes={healthStatuses.codes}
                      name={[field.name, 'health']}
                      label={f('health')}
                    />
                  </Col>
                  <Col {...col}>
                    <CodeSelect
                      list="disability"
                      codes={disabilityKinds.codes}
                      name={[field.name, 'disability']}
                      label={f('disability')}
                    />
                  </Col>
                  <Col {...col}>
                    <CodeSelect
                      list="schooling"
                      codes={schoolings.codes}
                      name={[field.name, 'schooling']}
                      label={f('schooling')}
                    />
                  </Col>
                  <Col {...col}>
                    <Form.Item name={[field.name, 'occupation']} label={f('occupation')}>
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col {...col}>
                    <Form.Item name={[field.name, 'unitOrSchool']} label={f('unitOrSchool')}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col {...col}>
                    <Form.Item name={[field.name, 'monthlyIncome']} label={f('monthlyIncomeForm')}>
                      <YuanInput />
                    </Form.Item>
                  </Col>
                  <Col {...col}>
                    <CodeSelect
                      list="insurance"
                      codes={medicalInsurances.codes}
                      name={[field.name, 'medicalInsurance']}
                      label={f('medicalInsurance')}
                    />
                  </Col>
                  <Col {...col}>
                    <Form.Item name={[field.name, 'hasLabourContract']} label={f('hasLabourContract')}>
                      <Select
                        allowClear
                        options={[
                          { value: true, label: t('common.yes') },
                          { value: false, label: t('common.no') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            {fields.length < 20 && (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-member">
                {t('archive.form.addMember')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}
