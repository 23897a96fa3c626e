import { type Org, orgTypeLabels } from '@bangfu/contracts';
import { Card, Input, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type Key, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n';
import { OrgSearchResults } from './OrgSearchResults';
import { MORE_PREFIX, type OrgTreeApi } from './useOrgTree';

function OrgTitle({ org, typeLabel, inactive }: { org: Org; typeLabel: string; inactive: ReactNode }) {
  return (
    <span data-testid={`org-node-${org.id}`}>
      <span style={{ color: org.status === 'active' ? undefined : '#999' }}>{org.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
        {typeLabel}
      </Typography.Text>
      {org.status !== 'active' && inactive}
    </span>
  );
}

interface Props {
  topId: number;
  tree: OrgTreeApi;
  selectedId: number | null;
  onSelect: (org: Org, fromSearch: boolean) => void;
}

/** The tree of the caller's subtree (lazy), with a search over the same subtree. */
export function OrgTreePanel({ topId, tree, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { nodes, kids } = tree.state;

  const treeData = useMemo(() => {
    const inactive = (
      <Tag color="default" style={{ marginLeft: 6 }}>
        {t('orgs.status.inactive')}
      </Tag>
    );
    const build = (id: number, seen: Set<number>): DataNode | null => {
      const org = nodes[id];
      if (!org || seen.has(id)) return null;
      seen.add(id);
      const k = kids[id];
      let children: DataNode[] | undefined;
      if (k) {
        children = k.ids.map((c) => build(c, seen)).filter((n): n is DataNode => n !== null);
        if (k.ids.length < k.total)
          children.push({
            key: `${MORE_PREFIX}${id}`,
            isLeaf: true,
            title: <Typography.Link>{t('orgs.tree.more', { shown: k.ids.length, total: k.total })}</Typography.Link>,
          });
      }
      return {
        key: id,
        isLeaf: org.childCount === 0 && !(k && k.ids.length > 0),
        title: <OrgTitle org={org} typeLabel={label(orgTypeLabels[org.type])} inactive={inactive} />,
        children,
      };
    };
    const top = build(topId, new Set());
    return top ? [top] : [];
  }, [nodes, kids, topId, t, label]);

  const select = (keys: Key[]) => {
    const key = keys[0];
    if (key === undefined) return;
    if (typeof key === 'string' && key.startsWith(MORE_PREFIX)) {
      void tree.loadMore(Number(key.slice(MORE_PREFIX.length)));
      return;
    }
    const org = nodes[Number(key)];
    if (org) onSelect(org, false);
  };

  return (
    <Card
      title={t('orgs.tree.title')}
      styles={{ body: { padding: 12 } }}
      style={{ height: '100%' }}
      data-testid="org-tree-panel"
    >
      <Input.Search
        allowClear
        placeholder={t('orgs.tree.searchPlaceholder')}
        aria-label={t('orgs.tree.searchPlaceholder')}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
        data-testid="org-search"
      />
      {q ? (
        <OrgSearchResults
          q={q}
          page={page}
          onPage={setPage}
          selectedId={selectedId}
          onSelect={(o) => onSelect(o, true)}
        />
      ) : treeData.length ? (
        <div data-testid="org-tree">
          <Tree
            showLine
            blockNode
            virtual
            height={560}
            treeData={treeData}
            loadData={(node) => tree.loadMore(Number(node.key))}
            loadedKeys={Object.keys(kids).map(Number)}
            expandedKeys={tree.expanded}
            onExpand={(keys) => tree.setExpanded(keys.map(Number).filter((k) => !Number.isNaN(k)))}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={select}
          />
        </div>
      ) : (
        <Spin />
      )}
    </Card>
  );
}
