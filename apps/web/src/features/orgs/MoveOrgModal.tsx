import { canParent, type Org, orgTypeLabels } from '@bangfu/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect';
import { useLabel } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { useMoveOrg } from './api';

/** 移动: choose the new parent by searching; the node's own subtree and unfit types are not offered. */
export function MoveOrgModal({
  org,
  onClose,
  onMoved,
}: {
  org: Org | null;
  onClose: () => void;
  onMoved: (org: Org, oldParentId: number | null, oldPath: string) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const move = useMoveOrg();
  const [target, setTarget] = useState<number | undefined>();
  if (!org) return null;

  const reason = (p: Org): string | null => {
    if (p.path.startsWith(org.path)) return t('orgs.move.insideSelf');
    if (p.id === org.parentId) return t('orgs.move.currentParent');
    if (!canParent(p.type, org.type)) return t('orgs.move.typeMismatch', { type: label(orgTypeLabels[org.type]) });
    return null;
  };

  const submit = () => {
    if (!target) return;
    move.mutate(
      { id: org.id, newParentId: target },
      {
        onSuccess: (moved) => {
          message.success(t('orgs.move.done', { name: org.name }));
          setTarget(undefined);
          onMoved(moved, org.parentId, org.path);
        },
        onError: (e) => message.error(errorText(e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('orgs.move.title', { name: org.name })}
      okText={t('orgs.move.ok')}
      okButtonProps={{ disabled: !target }}
      onOk={submit}
      onCancel={() => {
        setTarget(undefined);
        onClose();
      }}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('orgs.move.hint')} style={{ margin: '16px 0' }} />
      <Form name="moveOrg" layout="vertical">
        <Form.Item label={t('orgs.move.newParent')} htmlFor="moveOrgTarget" required>
          <OrgSelect
            id="moveOrgTarget"
            value={target}
            onChange={(id) => setTarget(id)}
            disabledReason={reason}
            data-testid="move-target"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
