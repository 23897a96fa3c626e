import { EditOutlined, PlusOutlined, PoweroffOutlined, SwapOutlined } from '@ant-design/icons';
import { type Org, orgTypeLabels } from '@bangfu/contracts';
import { App, Button, Card, Descriptions, Empty, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { useSetOrgStatus } from './api';
import { OrgPathNames } from './OrgPathNames';

export function OrgStatusTag({ status }: { status: Org['status'] }) {
  const { t } = useTranslation();
  return status === 'active' ? (
    <Tag color="success">{t('orgs.status.active')}</Tag>
  ) : (
    <Tag color="default">{t('orgs.status.inactive')}</Tag>
  );
}

interface Props {
  org: Org | null;
  topId: number;
  canWrite: boolean;
  onCreateChild: (org: Org) => void;
  onEdit: (org: Org) => void;
  onMove: (org: Org) => void;
  onStatusChanged: (org: Org) => void;
}

/** The selected node: its facts and what may be done to it. */
export function OrgDetail({ org, topId, canWrite, onCreateChild, onEdit, onMove, onStatusChanged }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const setStatus = useSetOrgStatus();

  if (!org)
    return (
      <Card>
        <Empty description={t('orgs.detail.none')} />
      </Card>
    );

  const isTop = org.id === topId;
  const active = org.status === 'active';
  const toggle = () =>
    modal.confirm({
      title: active
        ? t('orgs.status.confirmDeactivate', { name: org.name })
        : t('orgs.status.confirmActivate', { name: org.name }),
      content: active ? t('orgs.status.deactivateHint') : t('orgs.status.activateHint'),
      okButtonProps: { danger: active },
      onOk: () =>
        setStatus
          .mutateAsync({ id: org.id, active: !active })
          .then((o) => {
            message.success(active ? t('orgs.status.deactivated') : t('orgs.status.activated'));
            onStatusChanged(o);
          })
          .catch((e: unknown) => {
            message.error(errorText(e));
          }),
    });

  const actions = canWrite ? (
    <Space wrap>
      <Button type="primary" icon={<PlusOutlined />} disabled={!active} onClick={() => onCreateChild(org)}>
        {t('orgs.action.createChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onEdit(org)}>
        {t('orgs.action.edit')}
      </Button>
      <Button icon={<SwapOutlined />} disabled={isTop} onClick={() => onMove(org)}>
        {t('orgs.action.move')}
      </Button>
      <Button danger={active} icon={<PoweroffOutlined />} disabled={isTop} onClick={toggle}>
        {active ? t('orgs.action.deactivate') : t('orgs.action.activate')}
      </Button>
    </Space>
  ) : null;

  const fmt = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
  return (
    <Card
      title={
        <Space>
          <span data-testid="org-detail-name">{org.name}</span>
          <OrgStatusTag status={org.status} />
        </Space>
      }
      extra={actions}
      data-testid="org-detail"
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'name', label: t('orgs.field.name'), children: org.name },
          { key: 'type', label: t('orgs.field.type'), children: label(orgTypeLabels[org.type]) },
          { key: 'code', label: t('orgs.field.divisionCode'), children: org.divisionCode ?? t('common.none') },
          { key: 'status', label: t('orgs.field.status'), children: <OrgStatusTag status={org.status} /> },
          {
            key: 'path',
            label: t('orgs.field.path'),
            span: 'filled',
            children: <OrgPathNames org={org} topId={topId} />,
          },
          { key: 'children', label: t('orgs.field.childCount'), children: org.childCount },
          { key: 'id', label: t('orgs.field.id'), children: org.id },
          { key: 'created', label: t('common.createdAt'), children: fmt(org.createdAt) },
          { key: 'updated', label: t('common.updatedAt'), children: fmt(org.updatedAt) },
        ]}
      />
    </Card>
  );
}
