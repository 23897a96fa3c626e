import type { Org } from '@bangfu/contracts';
import { useCallback, useRef, useState } from 'react';
import { CHILD_PAGE, fetchChildren, fetchOrg } from './api';

interface Kids {
  ids: number[];
  total: number;
}

export interface TreeState {
  nodes: Record<number, Org>;
  kids: Record<number, Kids>;
}

export const MORE_PREFIX = 'more:';

/** Ids on the path of an org from the tree's top (inclusive) down to the org (exclusive). */
export function ancestorIds(org: Org, topId: number): number[] {
  const ids = org.path.split('/').filter(Boolean).map(Number);
  const from = ids.indexOf(topId);
  return from < 0 ? [] : ids.slice(from, -1);
}

/**
 * The lazily loaded organisation tree: children are fetched a page at a time when a node opens, so the
 * tree works the same with ten nodes or a hundred thousand. Nothing is loaded that nobody opened.
 */
export function useOrgTree() {
  const [state, setState] = useState<TreeState>({ nodes: {}, kids: {} });
  const [expanded, setExpanded] = useState<number[]>([]);
  // The latest state, readable between an await and the next render.
  const stateRef = useRef(state);
  const commit = useCallback((next: (s: TreeState) => TreeState) => {
    stateRef.current = next(stateRef.current);
    setState(stateRef.current);
  }, []);

  const upsert = useCallback(
    (orgs: Org[]) => {
      commit((s) => {
        const nodes = { ...s.nodes };
        for (const o of orgs) nodes[o.id] = o;
        return { ...s, nodes };
      });
    },
    [commit],
  );

  const setTop = useCallback(
    (top: Org) => {
      commit(() => ({ nodes: { [top.id]: top }, kids: {} }));
      setExpanded([]);
    },
    [commit],
  );

  /** Load the next page of a node's children (the first page when none is loaded yet). */
  const loadMore = useCallback(
    async (parentId: number) => {
      const have = stateRef.current.kids[parentId]?.ids.length ?? 0;
      const page = await fetchChildren(parentId, have, CHILD_PAGE);
      commit((s) => {
        const nodes = { ...s.nodes };
        for (const o of page.items) nodes[o.id] = o;
        const before = s.kids[parentId]?.ids ?? [];
        const ids = [...before, ...page.items.map((o) => o.id).filter((id) => !before.includes(id))];
        return { nodes, kids: { ...s.kids, [parentId]: { ids, total: page.total } } };
      });
    },
    [commit],
  );

  /** Re-read a node and, when its children are loaded, as many of them as were shown. */
  const refresh = useCallback(
    async (id: number) => {
      const shown = stateRef.current.kids[id]?.ids.length;
      const [org, page] = await Promise.all([
        fetchOrg(id).catch(() => null),
        shown === undefined ? Promise.resolve(null) : fetchChildren(id, 0, Math.max(shown, CHILD_PAGE)),
      ]);
      commit((s) => {
        const nodes = { ...s.nodes };
        const kids = { ...s.kids };
        if (org) nodes[id] = org;
        if (page) {
          for (const o of page.items) nodes[o.id] = o;
          kids[id] = { ids: page.items.map((o) => o.id), total: page.total };
        }
        return { nodes, kids };
      });
    },
    [commit],
  );

  /** Drop what was loaded below a path (after a move or a status change), so it reloads when opened. */
  const forgetBelow = useCallback(
    (path: string) => {
      const s = stateRef.current;
      const drop = Object.keys(s.kids)
        .map(Number)
        .filter((id) => s.nodes[id]?.path.startsWith(path));
      commit((st) => {
        const kids = { ...st.kids };
        for (const id of drop) delete kids[id];
        return { ...st, kids };
      });
      setExpanded((e) => e.filter((id) => !drop.includes(id)));
    },
    [commit],
  );

  /** Re-read every loaded node at or below a path (after a status change of the whole subtree). */
  const refreshBelow = useCallback(
    async (path: string) => {
      const s = stateRef.current;
      const ids = Object.keys(s.kids)
        .map(Number)
        .filter((id) => s.nodes[id]?.path.startsWith(path));
      await Promise.all(ids.map((id) => refresh(id)));
    },
    [refresh],
  );

  /** Open the tree down to an org found by search. */
  const reveal = useCallback(
    async (org: Org, topId: number) => {
      const chain = ancestorIds(org, topId);
      for (const id of chain) if (!stateRef.current.kids[id]) await loadMore(id);
      setExpanded((e) => [...new Set([...e, ...chain])]);
    },
    [loadMore],
  );

  const isLoaded = useCallback((id: number) => !!stateRef.current.kids[id], []);
  const nodeOf = useCallback((id: number): Org | undefined => stateRef.current.nodes[id], []);

  return {
    isLoaded,
    nodeOf,
    state,
    expanded,
    setExpanded,
    setTop,
    upsert,
    loadMore,
    refresh,
    refreshBelow,
    forgetBelow,
    reveal,
  };
}

export type OrgTreeApi = ReturnType<typeof useOrgTree>;
