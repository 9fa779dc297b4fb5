// User names for ids (owner, leader, assignee, reported by …): one shared cache filled by GET /api/users/names
// (batched: every name of a page in one request; any signed-in user may read the display names of the users of
// its parks and of the parks above them, e.g. the bureau's 张局长) or by user lists; and a searchable user picker
// for managers and admins.
import { Select, Tag } from 'antd';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Page, Role, User, UserRef } from '../api/types';
import { useAuth } from './auth';
import { useParkTree } from './parks';
import { createBatcher } from '../lib/batch';
import { canHoldRecordOf, hasSeveralParks } from '../lib/parks';

/** A full user when a list gave it (managers, admins), else only the name the names endpoint gives. */
type Person = UserRef & Partial<User>;

const cache = new Map<string, Person | null>();
const pending = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function notify() {
  version++;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function primeUsers(users: User[]): void {
  users.forEach((user) => cache.set(user.id, user));
  notify();
}

const lookUpName = createBatcher<string, UserRef>(async (ids) => {
  const answer = await api.get<{ items: UserRef[] }>('/api/users/names', { ids: ids.join(',') });
  return new Map(answer.items.map((user) => [user.id, user]));
});

function ensure(id: string): void {
  if (cache.has(id) || pending.has(id)) return;
  pending.add(id);
  lookUpName(id)
    .then((user) => cache.set(id, user ?? null))
    .catch(() => cache.set(id, null))
    .finally(() => {
      pending.delete(id);
      notify();
    });
}

export function useUser(id: string | null | undefined): Person | null | undefined {
  useSyncExternalStore(subscribe, () => version);
  useEffect(() => {
    if (id) ensure(id);
  }, [id]);
  return id ? cache.get(id) : undefined;
}

export function UserName({ id, fallback = '—' }: { id: string | null | undefined; fallback?: string }) {
  const { t } = useTranslation();
  const user = useUser(id);
  if (!id) return <>{fallback}</>;
  if (user === undefined) return <span className="zs-muted">…</span>;
  return <>{user ? user.displayName : t('common.unknownUser')}</>;
}

export function UserNames({ ids }: { ids: string[] }) {
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? '、' : ''}
          <UserName id={id} />
        </span>
      ))}
    </>
  );
}

interface UserSelectProps {
  value?: string | string[] | null;
  onChange?: (value: any) => void;
  mode?: 'multiple';
  roles?: Role[];
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  /** only users who may hold a record of this park (its own users and those above it), as the API requires */
  forPark?: string;
}

/**
 * Picks a user. Managers and admins search `/api/users`; everyone else may only name themselves (the API
 * lets officers assign work to themselves only, and does not list users to them).
 */
export function UserSelect({ value, onChange, mode, roles, placeholder, allowClear = true, style, id, forPark }: UserSelectProps) {
  const { user: me, hasRole } = useAuth();
  const { t } = useTranslation();
  const canList = hasRole('admin', 'manager');
  const parks = useParkTree();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<User[]>([]);
  const selectedIds = Array.isArray(value) ? value : value ? [value] : [];
  useSyncExternalStore(subscribe, () => version);
  useEffect(() => selectedIds.forEach(ensure), [selectedIds.join()]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!canList) return;
    const timer = setTimeout(() => {
      const role = roles?.length === 1 ? roles[0] : undefined;
      api.get<Page<User>>('/api/users', { q, role, limit: 50 })
        .then((page) => {
          primeUsers(page.items);
          setFound(page.items.filter((u) => !roles || roles.includes(u.role)));
        })
        .catch(() => setFound([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [q, canList, roles]);

  const options = useMemo(() => {
    const eligible = (u: User) => !forPark || canHoldRecordOf(parks.nodes, forPark, u.parkId);
    const list: Person[] = (canList ? [...found] : me && (!roles || roles.includes(me.role)) ? [me] : []).filter(eligible);
    for (const id of selectedIds) {
      const selected = cache.get(id);
      if (selected && !list.some((u) => u.id === id)) list.unshift(selected);
    }
    return list.map((u) => ({
      value: u.id,
      label: (
        <span>
          {u.displayName}
          {u.id === me?.id ? `（${t('common.me')}）` : ''} {u.role && <Tag bordered={false}>{t(`role.${u.role}`)}</Tag>}
          {hasSeveralParks(parks.nodes) && u.parkId && <span className="zs-muted">{parks.name(u.parkId)}</span>}
        </span>
      ),
      text: u.displayName,
    }));
  }, [found, canList, me, roles, selectedIds.join(), version, t, forPark, parks]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Select
      id={id}
      showSearch={canList ? { filterOption: false, onSearch: setQ } : undefined}
      mode={mode}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      optionLabelProp="text"
      placeholder={placeholder}
      allowClear={allowClear}
      style={style}
    />
  );
}
