import { DiffOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Modal, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { useHistory } from '../archive/api';
import type { FileVersionRow } from '../archive/types';
import { usePermission } from '../auth';
import { type ChangeListItem, useFileChanges, useVersionDiff } from './api';
import { ChangeDialog } from './ChangeDialog';
import { useChangeColumns } from './ChangeQueuePage';
import { DiffView } from './DiffView';

const at = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm');

function VersionDiffModal({ id, pair, onClose }: { id: number; pair: [number, number]; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const can = usePermission();
  const [reveal, setReveal] = useState(false);
  const masked = useVersionDiff(id, pair[0], pair[1], false);
  const revealed = useVersionDiff(id, reveal ? pair[0] : null, reveal ? pair[1] : null, true);
  const q = reveal ? revealed : masked;
  const data = q.data ?? masked.data;
  return (
    <Modal
      open
      width={860}
      onCancel={onClose}
      title={t('changes.history.compareTitle', { a: pair[0], b: pair[1] })}
      footer={
        <>
          {data && !data.diff.revealed && can('personal.reveal') && (
            <Button icon={<EyeOutlined />} onClick={() => setReveal(true)}>
              {t('changes.action.reveal')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.close')}</Button>
        </>
      }
    >
      {q.error && <Alert type="error" showIcon title={errorText(q.error)} />}
      {data ? <DiffView diff={data.diff} /> : <Spin style={{ display: 'block', margin: 40 }} />}
    </Modal>
  );
}

/** 变更记录: the file's change requests and its versions, each comparable with the one before (field by field). */
export function ChangesTab({ id }: { id: number }) {
  const { t } = useTranslation();
  const changes = useFileChanges(id);
  const history = useHistory(id);
  const [open, setOpen] = useState<number | null>(null);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const columns = useChangeColumns({ withFile: false, onOpen: setOpen });
  return (
    <div data-testid="changes-tab">
      <Typography.Title level={5}>{t('changes.history.changes')}</Typography.Title>
      {changes.data && changes.data.items.length === 0 ? (
        <Empty description={t('changes.history.none')} />
      ) : (
        <Table<ChangeListItem>
          rowKey="id"
          size="small"
          loading={changes.isPending}
          dataSource={changes.data?.items ?? []}
          columns={columns}
          pagination={false}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('changes.history.versions')}
      </Typography.Title>
      <Table<FileVersionRow>
        rowKey="version"
        size="small"
        loading={history.isPending}
        dataSource={history.data?.versions ?? []}
        pagination={false}
        columns={[
          { title: t('changes.history.version'), dataIndex: 'version', width: 80 },
          { title: t('archive.history.at'), dataIndex: 'at', render: (v: string) => at(v) },
          { title: t('archive.history.actor'), dataIndex: 'actorName' },
          {
            title: t('archive.history.reasonTitle'),
            dataIndex: 'reason',
            render: (r: string | null) => t(`archive.history.reason.${r}`, { defaultValue: r ?? '—' }),
          },
          {
            title: t('common.actions'),
            key: 'compare',
            render: (_: unknown, v: FileVersionRow) =>
              v.version > 1 && (
                <Button
                  size="small"
                  icon={<DiffOutlined />}
                  onClick={() => setPair([v.version - 1, v.version])}
                  data-testid={`compare-${v.version}`}
                >
                  {t('changes.history.compare')}
                </Button>
              ),
          },
        ]}
      />
      {open !== null && <ChangeDialog changeId={open} onClose={() => setOpen(null)} />}
      {pair && <VersionDiffModal id={id} pair={pair} onClose={() => setPair(null)} />}
    </div>
  );
}
