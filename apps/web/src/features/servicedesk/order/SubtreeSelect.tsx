import type { Org } from '@bangfu/contracts';
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChildren } from '../../orgs/api';

interface Node {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
  disabled: boolean;
}

const nodeOf = (o: Org, pId: number): Node => ({
  id: o.id,
  pId,
  value: o.id,
  title: o.name,
  isLeaf: o.childCount === 0,
  disabled: o.status !== 'active',
});

/**
 * A union strictly below `root` (分级主办: orders go down the tree), picked in a tree whose branches load when
 * opened, one page of children at a time: the same with ten unions or ten thousand.
 */
export function SubtreeSelect({
  root,
  value,
  onChange,
  onName,
  id,
}: {
  root: { id: number; name: string };
  value?: number;
  onChange?: (v: number) => void;
  /** The chosen union's name (for the confirmation). */
  onName?: (name: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [nodes, setNodes] = useState<Node[]>([]);
  const load = async (parent: number) => {
    const page = await fetchChildren(parent, 0, 200);
    setNodes((old) => [...old.filter((n) => n.pId !== parent), ...page.items.map((o) => nodeOf(o, parent))]);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the root's children once per root
  useEffect(() => {
    setNodes([]);
    void load(root.id);
  }, [root.id]);
  return (
    <TreeSelect<number>
      id={id}
      value={value}
      onChange={(v) => {
        onChange?.(v);
        onName?.(nodes.find((n) => n.value === v)?.title ?? '');
      }}
      treeDataSimpleMode
      treeData={nodes}
      loadData={(n) => load(Number(n.value))}
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('servicedesk.order.dialog.unionRequired')}
      style={{ width: '100%' }}
      data-testid="subtree-select"
    />
  );
}
