import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Blocker, Project } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useCursorList } from '../../app/use-cursor-list';
import { UserName, UserSelect } from '../../app/users';
import { formatDateTime, toApiDate } from '../../lib/dates';

const COLORS = { open: 'orange', overdue: 'red', resolved: 'green' } as const;

/** 问题: what holds the project back, who chases it by when, and how it was resolved. */
export function BlockersTab({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const list = useCursorList<Blocker>(`/api/projects/${project.id}/blockers`, {}, 50);
  const [categories, setCategories] = useState<{ key: string; label: string }[]>([]);
  const [creating, setCreating] = useState(false);
  const [resolving, setResolving] = useState<Blocker | null>(null);
  const [form] = Form.useForm<{ category: string; description: string; ownerId: string; dueOn: Dayjs }>();
  const [resolveForm] = Form.useForm<{ resolution: string }>();
  const create = useApiForm(form);
  const resolve = useApiForm(resolveForm);

  useEffect(() => {
    api.get<{ items: { key: string; label: string }[] }>('/api/blockers/categories').then((r) => setCategories(r.items)).catch(() => undefined);
  }, [i18n.language]);
  const categoryLabel = (key: string) => categories.find((c) => c.key === key)?.label ?? key;

  return (
    <>
      <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => { form.resetFields(); setCreating(true); }}>{t('detail.addBlocker')}</Button>
      <Table<Blocker>
        rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.items} scroll={{ x: 760 }}
        columns={[
          { title: t('detail.category'), dataIndex: 'category', width: 110, render: categoryLabel },
          { title: t('detail.description'), dataIndex: 'description' },
          { title: t('detail.owner'), dataIndex: 'ownerId', width: 90, render: (id: string) => <UserName id={id} /> },
          { title: t('detail.dueOn'), dataIndex: 'dueOn', width: 110 },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: Blocker['status']) => <Tag color={COLORS[s]}>{t(`blockerStatus.${s}`)}</Tag> },
          {
            title: t('detail.resolution'), dataIndex: 'resolution',
            render: (v: string | null, b) => (b.resolvedAt ? <span>{v} <span className="zs-muted">{formatDateTime(b.resolvedAt)}</span></span>
              : <Button size="small" onClick={() => { resolveForm.resetFields(); setResolving(b); }}>{t('detail.resolve')}</Button>),
          },
        ]}
        footer={list.hasMore ? () => <Button onClick={list.loadMore}>{t('common.loadMore')}</Button> : undefined}
      />
      <Modal open={creating} title={t('detail.addBlocker')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.submitting} destroyOnHidden forceRender>
        {create.alert}
        <Form form={form} layout="vertical" initialValues={{ ownerId: project.ownerId, dueOn: dayjs().add(14, 'day') }}
          onFinish={(v) => create.run(async () => {
            await api.post(`/api/projects/${project.id}/blockers`, { ...v, dueOn: toApiDate(v.dueOn) });
            setCreating(false);
            list.reload();
          })}>
          <Form.Item name="category" label={t('detail.category')} rules={[{ required: true }]}>
            <Select options={categories.map((c) => ({ value: c.key, label: c.label }))} />
          </Form.Item>
          <Form.Item name="description" label={t('detail.description')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <div className="zs-form-row">
            <Form.Item name="ownerId" label={t('detail.owner')} rules={[{ required: true }]}><UserSelect allowClear={false} /></Form.Item>
            <Form.Item name="dueOn" label={t('detail.dueOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </div>
        </Form>
      </Modal>
      <Modal open={!!resolving} title={t('detail.resolve')} onCancel={() => setResolving(null)} onOk={() => resolveForm.submit()} confirmLoading={resolve.submitting} destroyOnHidden forceRender>
        {resolve.alert}
        <Form form={resolveForm} layout="vertical"
          onFinish={(v) => resolve.run(async () => {
            await api.post(`/api/blockers/${resolving!.id}/resolve`, v);
            setResolving(null);
            list.reload();
          })}>
          <Form.Item name="resolution" label={t('detail.resolution')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
