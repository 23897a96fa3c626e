import { Col, Descriptions, Form, Input, InputNumber, Row, Segmented, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyCode } from '../codes';
import { formatLeaf, leaves } from '../programmes/params';
import { YuanInput } from '../ui';
import { enumOf, type FieldKind, FROM_FILE, fieldKind, type JsonSchema, type Variants } from './inputs';

function useInputLabels() {
  const { t } = useTranslation();
  return {
    field: (key: string) => t(`money.input.${key}`, { defaultValue: key }),
    option: (v: string) => t(`money.inputOption.${v}`, { defaultValue: v }),
  };
}

/** The control of one field; Form.Item hands it value, onChange and id. */
function FieldInput({ kind, schema, ...field }: { kind: FieldKind; schema: JsonSchema; id?: string }) {
  const labels = useInputLabels();
  const rest = field as Record<string, unknown>;
  const options = (s: JsonSchema) => enumOf(s).map((v) => ({ value: v, label: labels.option(v) }));
  if (kind === 'fen') return <YuanInput {...rest} />;
  if (kind === 'int')
    return (
      <InputNumber {...rest} min={schema.minimum ?? 0} max={schema.maximum} precision={0} style={{ width: '100%' }} />
    );
  if (kind === 'enum') return <Select {...rest} allowClear options={options(schema)} style={{ width: '100%' }} />;
  if (kind === 'enumList')
    return <Select {...rest} mode="multiple" options={options(schema.items ?? {})} style={{ width: '100%' }} />;
  if (kind === 'textList') return <Select {...rest} mode="tags" open={false} style={{ width: '100%' }} />;
  return <Input {...rest} />;
}

/** The fields a template asks for, drawn from its input schema (money in 元), under `inputs` in the form. */
export function InputsEditor({
  schema,
  path = [],
  variants,
  onVariant,
}: {
  schema: JsonSchema;
  path?: (string | number)[];
  variants: Variants;
  onVariant: (path: string, index: number) => void;
}) {
  const labels = useInputLabels();
  const entries = Object.entries(schema.properties ?? {}).filter(([k]) => path.length > 0 || !FROM_FILE.has(k));
  const required = new Set(schema.required ?? []);
  const flat = entries.filter(([k, s]) => !['object', 'variants'].includes(fieldKind(k, s)));
  const nested = entries.filter(([k, s]) => ['object', 'variants'].includes(fieldKind(k, s)));
  const dotted = (k: string) => [...path.filter((p) => typeof p === 'string'), k].join('.');
  return (
    <>
      <Row gutter={12}>
        {flat.map(([k, s]) => {
          const kind = fieldKind(k, s);
          return (
            <Col key={k} xs={24} sm={12} md={8}>
              <Form.Item
                name={['inputs', ...path, k]}
                label={labels.field(k)}
                valuePropName={kind === 'bool' ? 'checked' : 'value'}
                rules={required.has(k) && kind !== 'bool' ? [{ required: true, message: labels.field(k) }] : []}
              >
                {kind === 'bool' ? <Switch /> : <FieldInput kind={kind} schema={s} />}
              </Form.Item>
            </Col>
          );
        })}
      </Row>
      {nested.map(([k, s]) => {
        const kind = fieldKind(k, s);
        const variantsOf = (s.anyOf ?? []).filter((x) => x.type !== 'null');
        const chosen = variants[dotted(k)] ?? 0;
        return (
          <fieldset
            key={k}
            style={{ border: '1px solid #eceef1', borderRadius: 6, padding: '4px 12px 0', marginBottom: 12 }}
          >
            <legend style={{ fontSize: 13, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>
              {labels.field(k)}
            </legend>
            {kind === 'object' ? (
              <InputsEditor schema={s} path={[...path, k]} variants={variants} onVariant={onVariant} />
            ) : (
              <>
                <Segmented
                  size="small"
                  style={{ marginBottom: 8 }}
                  value={chosen}
                  onChange={(v) => onVariant(dotted(k), Number(v))}
                  options={variantsOf.map((v, i) => ({
                    value: i,
                    label: Object.keys(v.properties ?? {})
                      .map(labels.field)
                      .join(' + '),
                  }))}
                />
                {variantsOf[chosen] && (
                  <InputsEditor
                    schema={variantsOf[chosen]}
                    path={[...path, k, chosen]}
                    variants={variants}
                    onVariant={onVariant}
                  />
                )}
              </>
            )}
          </fieldset>
        );
      })}
      {entries.length === 0 && path.length === 0 && (
        <Typography.Text type="secondary">{labels.field('__none')}</Typography.Text>
      )}
    </>
  );
}

/** The figures an application was computed from, labelled; money as ¥, the grade by its name. */
export function InputsView({ inputs }: { inputs: unknown }) {
  const { t } = useTranslation();
  const labels = useInputLabels();
  const code = useMoneyCode();
  const items = leaves(inputs);
  if (!items.length) return null;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="application-figures">
      {items.map((l) => {
        const key = String(l.path[l.path.length - 1]);
        const text =
          key === 'grade' && typeof l.value === 'string'
            ? code('grade', l.value)
            : l.kind === 'text' && typeof l.value === 'string'
              ? labels.option(l.value)
              : l.kind === 'tags' && Array.isArray(l.value)
                ? (l.value as string[]).map(labels.option).join('、') || '—'
                : formatLeaf(l, t('money.yes'), t('money.no'));
        return (
          <Descriptions.Item
            key={l.path.join('.')}
            label={l.path
              .filter((p) => typeof p === 'string')
              .map(String)
              .map(labels.field)
              .join(' · ')}
          >
            {text}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
