import { DatePicker, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { MILESTONE_STATUSES, type Milestone, type MilestoneStatus, type Page, type Project } from '../../api/types';
import { useErrorToast } from '../../app/api-form';
import { toApiDate } from '../../lib/dates';

const COLORS: Record<MilestoneStatus, string> = { pending: 'default', in_progress: 'processing', done: 'success', not_needed: 'default' };

/** 前期手续: the permit chain in order; status, due date, done date and note edited in place (PATCH with version). */
export function MilestonesTab({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const showError = useErrorToast();
  const [items, setItems] = useState<Milestone[] | null>(null);

  useEffect(() => {
    api.get<Page<Milestone>>(`/api/projects/${project.id}/milestones`).then((p) => setItems(p.items)).catch(showError);
  }, [project.id, i18n.language, showError]);

  const patch = async (m: Milestone, changes: Partial<Pick<Milestone, 'status' | 'dueOn' | 'doneOn' | 'note'>>) => {
    try {
      const saved = await api.patch<Milestone>(`/api/milestones/${m.id}`, { version: m.version, ...changes });
      setItems((list) => list?.map((x) => (x.id === m.id ? saved : x)) ?? null);
    } catch (error) {
      showError(error);
    }
  };

  const done = items?.filter((m) => m.status === 'done' || m.status === 'not_needed').length ?? 0;
  return (
    <Table<Milestone>
      rowKey="id" size="small" pagination={false} loading={!items} dataSource={items ?? []} scroll={{ x: 760 }}
      data-testid="milestones"
      title={() => <span className="zs-muted">{t('detail.permitsDone', { done, total: items?.length ?? 0 })}</span>}
      columns={[
        { title: '#', width: 40, render: (_, __, i) => i + 1 },
        { title: t('common.name'), dataIndex: 'label', render: (v: string, m) => <span>{v} {m.overdue && <Tag color="red">{t('detail.overdue')}</Tag>}</span> },
        {
          title: t('common.status'), dataIndex: 'status', width: 130,
          render: (s: MilestoneStatus, m) => (
            <Select size="small" value={s} style={{ width: 110 }} onChange={(status) => void patch(m, { status })}
              options={MILESTONE_STATUSES.map((x) => ({ value: x, label: <Tag color={COLORS[x]} bordered={false}>{t(`milestoneStatus.${x}`)}</Tag> }))} />
          ),
        },
        {
          title: t('detail.dueOn'), dataIndex: 'dueOn', width: 150,
          render: (v: string | null, m) => <DatePicker size="small" value={v ? dayjs(v) : null} onChange={(d) => void patch(m, { dueOn: toApiDate(d) ?? null })} />,
        },
        {
          title: t('detail.doneOn'), dataIndex: 'doneOn', width: 150,
          render: (v: string | null, m) => (
            <DatePicker size="small" value={v ? dayjs(v) : null} disabled={m.status !== 'done'} onChange={(d) => void patch(m, { doneOn: toApiDate(d) ?? null })} />
          ),
        },
        {
          title: t('common.note'), dataIndex: 'note',
          render: (v: string | null, m) => (
            <Input size="small" defaultValue={v ?? ''} key={m.version} onBlur={(e) => e.target.value !== (v ?? '') && void patch(m, { note: e.target.value || null })} />
          ),
        },
      ]}
    />
  );
}
