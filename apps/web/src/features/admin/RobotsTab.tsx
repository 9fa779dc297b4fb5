import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Switch, Table, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { RobotKind, RobotWebhook } from '../../api/types';
import { useApiForm, useErrorToast } from '../../app/api-form';
import { useCursorList } from '../../app/use-cursor-list';
import { UserName } from '../../app/users';
import { useParkTree } from '../../app/parks';

const KINDS: RobotKind[] = ['wecom', 'dingtalk', 'feishu'];

/** 群机器人: team (park) webhooks of WeCom, DingTalk and Feishu group robots that reminders are posted to. */
export function RobotsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const list = useCursorList<RobotWebhook>('/api/robot-webhooks', {}, 50);
  const parks = useParkTree();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ kind: RobotKind; name?: string; url: string; secret?: string; parkId?: string }>();
  const { run, submitting, alert, setFormErrors } = useApiForm(form);

  const patch = async (hook: RobotWebhook, changes: Partial<RobotWebhook>) => {
    try {
      list.update(hook.id, await api.patch<RobotWebhook>(`/api/robot-webhooks/${hook.id}`, { version: hook.version, ...changes }));
    } catch (error) {
      showError(error);
    }
  };
  const remove = async (hook: RobotWebhook) => {
    try {
      await api.delete(`/api/robot-webhooks/${hook.id}`);
      list.update(hook.id, null);
      void message.success(t('common.deleted'));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }}
        onClick={() => { setFormErrors([]); form.resetFields(); setCreating(true); }}>{t('admin.newRobot')}</Button>
      <Table<RobotWebhook>
        rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.items} scroll={{ x: 800 }}
        columns={[
          { title: t('admin.robotKind'), dataIndex: 'kind', width: 100, render: (k: RobotKind) => <Tag color="blue">{t(`admin.channel.${k}`)}</Tag> },
          { title: t('common.name'), dataIndex: 'name', render: (v) => v ?? '—' },
          { title: 'URL', dataIndex: 'url', render: (v: string) => <code style={{ fontSize: 12 }}>{v}</code> },
          { title: t('admin.scope'), render: (_, h) => (h.userId ? <UserName id={h.userId} /> : parks.name(h.parkId)) },
          { title: t('admin.secret'), dataIndex: 'secret', width: 110, render: (v) => v ?? '—' },
          { title: t('admin.enabled'), dataIndex: 'enabled', width: 70, render: (v: boolean, h) => <Switch size="small" checked={v} onChange={(enabled) => void patch(h, { enabled })} /> },
          { title: t('common.actions'), width: 80, render: (_, h) => <Popconfirm title={t('common.delete')} onConfirm={() => void remove(h)}><Button size="small" type="link" danger>{t('common.delete')}</Button></Popconfirm> },
        ]}
        footer={list.hasMore ? () => <Button onClick={list.loadMore}>{t('common.loadMore')}</Button> : undefined}
      />
      <Modal open={creating} title={t('admin.newRobot')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={submitting} destroyOnHidden forceRender>
        {alert}
        <Form form={form} layout="vertical" initialValues={{ kind: 'wecom' }} className="zs-compact-form"
          onFinish={(v) => run(async () => {
            const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
            await api.post('/api/robot-webhooks', body);
            setCreating(false);
            list.reload();
          })}>
          <div className="zs-form-row">
            <Form.Item name="kind" label={t('admin.robotKind')} rules={[{ required: true }]}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`admin.channel.${k}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('common.name')}><Input maxLength={100} /></Form.Item>
          </div>
          <Form.Item name="url" label="Webhook URL" rules={[{ required: true }]}><Input maxLength={1000} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" /></Form.Item>
          <div className="zs-form-row">
            <Form.Item name="secret" label={t('admin.secret')} tooltip={t('admin.secretHint')}><Input.Password maxLength={200} autoComplete="off" /></Form.Item>
            <Form.Item name="parkId" label={t('admin.park')}><TreeSelect allowClear treeDefaultExpandAll treeData={parks.tree} /></Form.Item>
          </div>
        </Form>
      </Modal>
    </>
  );
}
