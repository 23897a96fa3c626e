import { EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { approvalBodyKinds } from '@bangfu/contracts';
import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { today } from '../../../lib/today';
import { useCurrentUser, usePermission } from '../../auth';
import { NodeBar } from '../ui';
import { type ApprovalBody, bodiesApi, useBodies, useBodiesAction } from './api';
import { BodyModal, type BodyTarget, EndModal, type EndTarget, MemberModal } from './RosterModals';
import { useRulesText } from './rules';

type Member = ApprovalBody['members'][number];
const stateOf = (m: Member, on: string) =>
  m.fromDate > on ? 'future' : m.toDate !== null && m.toDate < on ? 'former' : 'inOffice';
const STATE_COLOR: Record<string, string> = { inOffice: 'green', former: 'default', future: 'blue' };

function BodyCard({
  kind,
  body,
  writes,
  onEdit,
  onAdd,
  onEnd,
}: {
  kind: ApprovalBody['kind'];
  body: ApprovalBody | undefined;
  writes: boolean;
  onEdit: () => void;
  onAdd: () => void;
  onEnd: (m: Member) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rules = useRulesText();
  const chair = useBodiesAction((m: Member) => bodiesApi.updateMember(body?.id ?? 0, m.id, { role: 'chair' }));
  const on = today();
  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid={`body-${kind}`}
      title={
        <Space>
          <span>{t(`money.bodies.kinds.${kind}`)}</span>
          {body && body.name !== t(`money.bodies.kinds.${kind}`) && (
            <Typography.Text type="secondary">{body.name}</Typography.Text>
          )}
        </Space>
      }
      extra={
        writes &&
        (body ? (
          <Space>
            <Button icon={<UserAddOutlined />} onClick={onAdd}>
              {t('money.bodies.addMember')}
            </Button>
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('money.bodies.editRules')}
            </Button>
          </Space>
        ) : (
          <Button type="primary" icon={<PlusOutlined />} onClick={onEdit}>
            {t('money.bodies.setUp')}
          </Button>
        ))
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(`money.bodies.kindHint.${kind}`)}
      </Typography.Paragraph>
      {!body ? (
        <Alert type="info" showIcon title={t('money.bodies.notSet')} />
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('money.bodies.rules')}：</Typography.Text>
            <span data-testid={`rules-${kind}`}>{rules(body)}</span>
          </Typography.Paragraph>
          <Table<Member>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={body.members}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('money.bodies.noMembers')} />,
            }}
            columns={[
              { title: t('money.bodies.member'), dataIndex: 'name' },
              {
                title: t('money.bodies.role'),
                dataIndex: 'role',
                width: 130,
                render: (r: string) => (
                  <Tag color={r === 'chair' ? 'gold' : undefined}>{t(`money.bodies.roles.${r}`)}</Tag>
                ),
              },
              { title: t('money.bodies.from'), dataIndex: 'fromDate', width: 120 },
              {
                title: t('money.bodies.to'),
                dataIndex: 'toDate',
                width: 120,
                render: (v: string | null) => v ?? t('money.bodies.openEnded'),
              },
              {
                title: t('money.bodies.state'),
                key: 'state',
                width: 90,
                render: (_: unknown, m) => {
                  const s = stateOf(m, on);
                  return <Tag color={STATE_COLOR[s]}>{t(`money.bodies.${s}`)}</Tag>;
                },
              },
              ...(writes
                ? [
                    {
                      title: t('money.actions'),
                      key: 'actions',
                      width: 200,
                      render: (_: unknown, m: Member) =>
                        stateOf(m, on) === 'former' ? null : (
                          <Space size={4}>
                            {m.role === 'member' && kind !== 'groupLeader' && (
                              <Button
                                size="small"
                                loading={chair.isPending}
                                onClick={() =>
                                  chair.mutateAsync(m).then(
                                    () => message.success(t('money.bodies.saved')),
                                    (e: unknown) => message.error(errorText(e)),
                                  )
                                }
                              >
                                {t('money.bodies.makeChair')}
                              </Button>
                            )}
                            <Button size="small" danger onClick={() => onEnd(m)}>
                              {t('money.bodies.end')}
                            </Button>
                          </Space>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** 审批机构: the node's 组长, 领导组 and 委员会 — rosters (members, chair, dates) and rules of procedure. */
export default function BodiesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = usePermission();
  const errorText = useErrorText();
  const [orgId, setOrgId] = useState(me.orgId);
  const [editing, setEditing] = useState<BodyTarget>(null);
  const [adding, setAdding] = useState<ApprovalBody | null>(null);
  const [ending, setEnding] = useState<EndTarget>(null);
  const q = useBodies(orgId);
  const writes = can('user.write');
  const items = q.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('money.menu.bodies')} subtitle={t('money.bodies.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="bodies-org" orgId={orgId} onChange={setOrgId} />
      </Card>
      {q.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(q.error)} />}
      {approvalBodyKinds.codes.map((kind) => {
        const body = items.find((b) => b.kind === kind);
        return (
          <BodyCard
            key={kind}
            kind={kind}
            body={body}
            writes={writes && !q.isPending}
            onEdit={() => setEditing({ kind, body })}
            onAdd={() => body && setAdding(body)}
            onEnd={(member) => body && setEnding({ body, member })}
          />
        );
      })}
      <BodyModal orgId={orgId} target={editing} onClose={() => setEditing(null)} />
      <MemberModal body={adding} onClose={() => setAdding(null)} />
      <EndModal target={ending} onClose={() => setEnding(null)} />
    </>
  );
}
