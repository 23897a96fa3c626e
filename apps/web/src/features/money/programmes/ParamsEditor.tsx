import { ROUNDING_MODES } from '@bangfu/policy';
import { Col, Descriptions, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { YuanInput } from '../ui';
import { formatLeaf, isRecord, type LeafKind, leafKind, leaves, type Path } from './params';

/** The label of a params key: the money dictionary's, else the key itself. */
export function useParamLabel(): (key: string | number) => string {
  const { t } = useTranslation();
  return (key) => (typeof key === 'number' ? String(key + 1) : t(`money.param.${key}`, { defaultValue: key }));
}

/** Texts that are one of a few values (the templates' zod enums): chosen, not typed. */
const BOUNDARIES = ['below', 'atOrBelow'] as const;
const CHOICES: Record<string, readonly string[]> = {
  mode: ROUNDING_MODES,
  boundary: BOUNDARIES,
  dibaoEdgeBoundary: BOUNDARIES,
  whenRoundedAboveSelfPaid: ['capToSelfPaid', 'roundDownToUnit'],
};

function ChoiceInput({ name, ...field }: { name: string; id?: string; value?: never; onChange?: never }) {
  const { t } = useTranslation();
  const options = (CHOICES[name] ?? []).map((v) => ({
    value: v,
    label: t(`money.paramOption.${v}`, { defaultValue: v }),
  }));
  return <Select {...(field as Record<string, unknown>)} options={options} style={{ width: '100%' }} />;
}

/** The input of one leaf; Form.Item hands it value, onChange and id, passed on to the real input. */
function LeafInput({ kind, ...field }: { kind: LeafKind; id?: string; value?: never; onChange?: never }) {
  const rest = field as Record<string, unknown>;
  if (kind === 'fen') return <YuanInput {...rest} />;
  if (kind === 'bp')
    return <InputNumber {...rest} min={0} max={100000} precision={2} suffix="%" style={{ width: '100%' }} />;
  if (kind === 'int') return <InputNumber {...rest} min={0} precision={0} style={{ width: '100%' }} />;
  if (kind === 'tags') return <Select {...rest} mode="tags" open={false} style={{ width: '100%' }} />;
  return <Input {...rest} />;
}

/** The fields of one object of params: its leaves on a grid, then its nested groups. */
function Group({ base, path }: { base: Record<string, unknown>; path: Path }) {
  const label = useParamLabel();
  const entries = Object.entries(base);
  const parent = path[path.length - 1] ?? '';
  const flat = entries.filter(([k, v]) => leafKind(k, v, parent));
  const nested = entries.filter(([k, v]) => !leafKind(k, v, parent));
  return (
    <>
      {flat.length > 0 && (
        <Row gutter={12}>
          {flat.map(([k, v]) => {
            const kind = leafKind(k, v, parent) as LeafKind;
            return (
              <Col key={k} xs={24} sm={12} md={8}>
                <Form.Item
                  name={['params', ...path, k]}
                  label={label(k)}
                  tooltip={k}
                  valuePropName={kind === 'bool' ? 'checked' : 'value'}
                >
                  {kind === 'bool' ? (
                    <Switch />
                  ) : kind === 'text' && CHOICES[k] ? (
                    <ChoiceInput name={k} />
                  ) : (
                    <LeafInput kind={kind} />
                  )}
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      )}
      {nested.map(([k, v]) => (
        <fieldset
          key={k}
          style={{ border: '1px solid #eceef1', borderRadius: 6, padding: '4px 12px 0', marginBottom: 12 }}
        >
          <legend style={{ fontSize: 13, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>{label(k)}</legend>
          {Array.isArray(v) ? (
            v.map((item, i) =>
              isRecord(item) ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list has a fixed length (adjusting, not adding)
                <div key={i}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {label(k)} {i + 1}
                    {typeof item.zh === 'string' ? `：${item.zh}` : ''}
                  </Typography.Text>
                  <Group base={item} path={[...path, k, i]} />
                </div>
              ) : null,
            )
          ) : isRecord(v) ? (
            <Group base={v} path={[...path, k]} />
          ) : null}
        </fieldset>
      ))}
    </>
  );
}

/** Edit a template's params (money in 元, rates in %), shaped after the params the form starts from. */
export function ParamsEditor({ base }: { base: Record<string, unknown> }) {
  return <Group base={base} path={[]} />;
}

/** Read-only params: every figure with its path, money as ¥, rates as %. */
export function ParamsView({ params, testId }: { params: unknown; testId?: string }) {
  const { t } = useTranslation();
  const label = useParamLabel();
  const items = leaves(params);
  if (!items.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered data-testid={testId}>
      {items.map((l) => (
        <Descriptions.Item key={l.path.join('.')} label={l.path.map(label).join(' · ')}>
          {l.kind === 'text' && typeof l.value === 'string' && CHOICES[String(l.path[l.path.length - 1])]
            ? t(`money.paramOption.${l.value}`, { defaultValue: l.value })
            : formatLeaf(l, t('money.yes'), t('money.no'))}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
