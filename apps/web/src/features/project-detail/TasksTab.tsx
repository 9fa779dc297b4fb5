import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Project, Task, TaskStatus } from '../../api/types';
import { useApiForm, useErrorToast } from '../../app/api-form';
import { useCursorList } from '../../app/use-cursor-list';
import { UserName, UserSelect } from '../../app/users';
import { formatDateTime, toApiTimestamp } from '../../lib/dates';

const STATUS_COLORS: Record<TaskStatus, string> = { open: 'blue', overdue: 'red', done: 'green' };

export function TasksTab({ project, onChange }: { project: Project; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [status, setStatus] = useState<TaskStatus | 'all'>('open');
  const list = useCursorList<Task>('/api/tasks', { projectId: project.id, status: status === 'all' ? undefined : status, sort: 'dueAt' }, 50);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ title: string; dueAt: Dayjs; assigneeId: string }>();
  const { run, submitting, alert } = useApiForm(form);

  const done = async (task: Task) => {
    try {
      await api.post<Task>(`/api/tasks/${task.id}/done`);
      void message.success(t('workbench.taskDone'));
      list.reload();
      onChange();
    } catch (error) {
      showError(error);
    }
  };
  const create = (values: { title: string; dueAt: Dayjs; assigneeId: string }) =>
    run(async () => {
      await api.post<Task>('/api/tasks', { projectId: project.id, title: values.title, dueAt: toApiTimestamp(values.dueAt), assigneeId: values.assigneeId });
      setCreating(false);
      list.reload();
      onChange();
    });

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={status} onChange={(v) => setStatus(v as TaskStatus | 'all')}
          options={[...(['open', 'overdue', 'done'] as const).map((s) => ({ value: s, label: t(`taskStatus.${s}`) })), { value: 'all', label: t('common.all') }]} />
        <Button icon={<PlusOutlined />} onClick={() => { form.resetFields(); setCreating(true); }}>{t('detail.newTask')}</Button>
      </Space>
      <Table<Task>
        rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.items} scroll={{ x: 600 }}
        columns={[
          { title: t('detail.taskTitle'), dataIndex: 'title' },
          { title: t('workbench.dueAt'), dataIndex: 'dueAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('detail.assignee'), dataIndex: 'assigneeId', width: 100, render: (id: string) => <UserName id={id} /> },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: TaskStatus) => <Tag color={STATUS_COLORS[s]}>{t(`taskStatus.${s}`)}</Tag> },
          { title: t('common.actions'), width: 90, render: (_, task) => task.status !== 'done' && <Button size="small" onClick={() => void done(task)}>{t('workbench.done')}</Button> },
        ]}
        footer={list.hasMore ? () => <Button onClick={list.loadMore}>{t('common.loadMore')}</Button> : undefined}
      />
      <Modal open={creating} title={t('detail.newTask')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={submitting} destroyOnHidden forceRender>
        {alert}
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ assigneeId: project.ownerId, dueAt: dayjs().add(1, 'day').hour(9).minute(0) }}>
          <Form.Item name="title" label={t('detail.taskTitle')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="dueAt" label={t('workbench.dueAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="assigneeId" label={t('detail.assignee')} rules={[{ required: true }]}><UserSelect allowClear={false} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
