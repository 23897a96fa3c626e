import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Org } from '@bangfu/contracts';
import { App, Button, Col, Result, Row, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { download } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { usePermission } from '../auth';
import { fetchOrg, useOrg, useOrgRoot } from './api';
import { ImportOrgsModal } from './ImportOrgsModal';
import { MoveOrgModal } from './MoveOrgModal';
import { OrgChildrenTable } from './OrgChildrenTable';
import { OrgDetail } from './OrgDetail';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { OrgTreePanel } from './OrgTreePanel';
import { useOrgTree } from './useOrgTree';

/** 组织机构: the caller's subtree as a lazy tree, the selected node's details, and its maintenance. */
export default function OrgsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const can = usePermission();
  const canWrite = can('org.write');
  const root = useOrgRoot();
  const tree = useOrgTree();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [form, setForm] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<Org | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const selectedQuery = useOrg(selectedId);
  const topId = root.data?.id ?? 0;
  const selected = selectedQuery.data ?? (selectedId ? tree.state.nodes[selectedId] : undefined) ?? null;

  const rootId = root.data?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the caller's top node changes
  useEffect(() => {
    if (!root.data) return;
    const top = root.data;
    tree.setTop(top);
    setSelectedId(top.id);
    if (top.childCount > 0) void tree.loadMore(top.id).then(() => tree.setExpanded([top.id]));
  }, [rootId]);

  const select = (org: Org, fromSearch: boolean) => {
    setSelectedId(org.id);
    if (fromSearch) void tree.reveal(org, topId);
  };

  const openEdit = async (org: Org) => {
    let parent = org.parentId ? tree.nodeOf(org.parentId) : undefined;
    // Above the caller's top the parent is out of scope; its type only matters for the type list, which is locked there.
    if (!parent && org.parentId && org.id !== topId) parent = await fetchOrg(org.parentId).catch(() => undefined);
    setForm({ mode: 'edit', org, parentType: parent?.type ?? null, isTop: org.id === topId });
  };

  const saved = async (org: Org) => {
    const creating = form?.mode === 'create';
    setForm(null);
    if (org.parentId) {
      await tree.refresh(org.parentId);
      if (!tree.isLoaded(org.parentId)) await tree.loadMore(org.parentId);
      const parentId = org.parentId;
      tree.setExpanded((e) => [...new Set([...e, parentId])]);
    }
    if (!creating) await tree.refresh(org.id);
    setSelectedId(org.id);
  };

  const moved = async (org: Org, oldParentId: number | null, oldPath: string) => {
    setMoving(null);
    tree.forgetBelow(oldPath);
    await Promise.all([
      oldParentId ? tree.refresh(oldParentId) : null,
      org.parentId ? tree.refresh(org.parentId) : null,
    ]);
    await tree.reveal(org, topId);
    setSelectedId(org.id);
  };

  const statusChanged = async (org: Org) => {
    await tree.refreshBelow(org.path);
    await tree.refresh(org.id);
  };

  const imported = async (parent: Org) => {
    await tree.refreshBelow(parent.path);
    await tree.refresh(parent.id);
    if (!tree.isLoaded(parent.id)) await tree.loadMore(parent.id);
    tree.setExpanded((e) => [...new Set([...e, parent.id])]);
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      await download('/orgs/export.csv', 'orgs.csv');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  if (root.error) return <Result status="warning" title={errorText(root.error)} />;
  if (!root.data) return <Spin style={{ display: 'block', padding: 80 }} />;

  return (
    <>
      <PageHeader
        title={t('menu.orgs')}
        subtitle={t('orgs.subtitle', { top: root.data.name })}
        extra={
          <Space>
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('orgs.action.import')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              {t('orgs.action.export')}
            </Button>
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={8}>
          <OrgTreePanel topId={topId} tree={tree} selectedId={selectedId} onSelect={select} />
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <OrgDetail
            org={selected}
            topId={topId}
            canWrite={canWrite}
            onCreateChild={(parent) => setForm({ mode: 'create', parent })}
            onEdit={(o) => void openEdit(o)}
            onMove={setMoving}
            onStatusChanged={(o) => void statusChanged(o)}
          />
          {selected && <OrgChildrenTable key={selected.id} parent={selected} onOpen={(o) => select(o, true)} />}
        </Col>
      </Row>
      <OrgFormModal target={form} onClose={() => setForm(null)} onSaved={(o) => void saved(o)} />
      <MoveOrgModal org={moving} onClose={() => setMoving(null)} onMoved={(o, p, path) => void moved(o, p, path)} />
      <ImportOrgsModal
        open={importing}
        parent={selected ?? root.data}
        onClose={() => setImporting(false)}
        onImported={(parent) => void imported(parent)}
      />
    </>
  );
}
