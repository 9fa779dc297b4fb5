// The caller's park tree (/api/parks/tree), fetched once per sign-in and shared by every screen that needs it.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { ParkTreeNode } from '../api/types';
import { parkNames, parkOptions } from '../lib/parks';

let cached: Promise<ParkTreeNode[]> | null = null;
let cachedFor: string | null = null;

function loadTree(token: string | null): Promise<ParkTreeNode[]> {
  if (!cached || cachedFor !== token) {
    cachedFor = token;
    cached = api.get<ParkTreeNode[]>('/api/parks/tree').catch(() => {
      cached = null;
      return [];
    });
  }
  return cached;
}

export function useParkTree() {
  const [nodes, setNodes] = useState<ParkTreeNode[]>([]);
  useEffect(() => {
    let live = true;
    void loadTree(localStorage.getItem('zs.token')).then((tree) => live && setNodes(tree));
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => {
    const names = parkNames(nodes);
    return { nodes, tree: parkOptions(nodes), name: (id: string | null) => (id ? names.get(id) ?? '—' : '—') };
  }, [nodes]);
}
