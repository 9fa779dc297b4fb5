import { App, Button, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useErrorToast } from '../../app/api-form';
import { useCursorList } from '../../app/use-cursor-list';
import { formatDateTime } from '../../lib/dates';

const KINDS = ['projects', 'companies', 'leads', 'tasks', 'visits', 'parks'] as const;
type Kind = (typeof KINDS)[number];
interface Deleted {
  id: string;
  name?: string;
  title?: string;
  summary?: string;
  projectName?: string | null;
  deletedAt: string | null;
}

/** 已删除记录: deletes are soft; an admin lists them (?deleted=true) and restores one (POST …/:id/restore). */
export function DeletedTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [kind, setKind] = useState<Kind>('projects');
  const list = useCursorList<Deleted>(`/api/${kind}`, { deleted: true }, 50);
  const restore = async (record: Deleted) => {
    try {
      await api.post(`/api/${kind}/${record.id}/restore`);
      void message.success(t('common.restored'));
      list.update(record.id, null);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <>
      <Segmented style={{ marginBottom: 12 }} value={kind} onChange={(v) => setKind(v as Kind)} options={KINDS.map((k) => ({ value: k, label: t(`admin.kinds.${k}`) }))} />
      <Table<Deleted>
        rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.items}
        columns={[
          { title: t('common.name'), render: (_, r) => r.name ?? r.title ?? (r.summary ? `${r.projectName ?? ''} · ${r.summary.slice(0, 60)}` : r.id) },
          { title: t('admin.deletedAt'), dataIndex: 'deletedAt', width: 160, render: formatDateTime },
          { title: t('common.actions'), width: 100, render: (_, r) => <Button size="small" onClick={() => void restore(r)}>{t('common.restore')}</Button> },
        ]}
        footer={list.hasMore ? () => <Button onClick={list.loadMore}>{t('common.loadMore')}</Button> : undefined}
      />
    </>
  );
}
