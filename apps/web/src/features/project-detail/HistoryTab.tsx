import { Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { FieldHistoryEntry, Project, ProjectHistory, StageHistoryEntry } from '../../api/types';
import { useDictionaries } from '../../app/dictionaries';
import { UserName } from '../../app/users';
import { formatDateTime } from '../../lib/dates';

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The full change history: every stage move and every field change, oldest first (as the API gives them). */
export function HistoryTab({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const { label } = useDictionaries();
  const [history, setHistory] = useState<ProjectHistory | null>(null);
  useEffect(() => {
    api.get<ProjectHistory>(`/api/projects/${project.id}/history`).then(setHistory).catch(() => undefined);
  }, [project.id]);
  if (!history) return <Spin />;
  const alias: Record<string, string> = { ownerId: 'owner', leaderId: 'leader', companyId: 'company', assistantIds: 'assistants' };
  const fieldLabel = (field: string) => {
    const key = `fields.${alias[field] ?? field}`;
    return i18n.exists(key) ? t(key as 'fields.name') : field;
  };
  const value = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '—';
    if ((field === 'ownerId' || field === 'leaderId') && typeof v === 'string') return <UserName id={v} />;
    if (field === 'industry' && typeof v === 'string') return label('industries', v);
    if (field === 'originRegion' && typeof v === 'string') return label('regions', v);
    if (field === 'channel' && typeof v === 'string' && i18n.exists(`channel.${v}`)) return t(`channel.${v}` as 'channel.other');
    return show(v);
  };
  return (
    <>
      <Typography.Title level={5}>{t('detail.stageMoves')}</Typography.Title>
      <Table<StageHistoryEntry>
        rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={history.stages} scroll={{ x: 600 }}
        columns={[
          { title: t('detail.at'), dataIndex: 'at', width: 150, render: formatDateTime },
          { title: t('detail.from'), dataIndex: 'from', render: (s: StageHistoryEntry['from']) => (s ? t(`stage.${s}`) : '—') },
          { title: t('detail.to'), dataIndex: 'to', render: (s: StageHistoryEntry['to']) => t(`stage.${s}`) },
          { title: t('detail.by'), dataIndex: 'by', render: (b: StageHistoryEntry['by']) => b?.displayName ?? '—' },
          { title: t('common.note'), dataIndex: 'note', render: (v) => v ?? '' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('detail.fieldChanges')}</Typography.Title>
      <Table<FieldHistoryEntry>
        rowKey={(_, i) => String(i)} size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={history.changes} scroll={{ x: 600 }}
        columns={[
          { title: t('detail.at'), dataIndex: 'at', width: 150, render: formatDateTime },
          { title: t('detail.field'), dataIndex: 'field', render: fieldLabel },
          { title: t('detail.from'), dataIndex: 'from', render: (v, row) => value(row.field, v) },
          { title: t('detail.to'), dataIndex: 'to', render: (v, row) => value(row.field, v) },
          { title: t('detail.by'), dataIndex: 'by', render: (b: FieldHistoryEntry['by']) => b?.displayName ?? '—' },
        ]}
      />
    </>
  );
}
