import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space, Switch, Table, Tag, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ROLES, type Role, type User } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useParkTree } from '../../app/parks';
import { useCursorList } from '../../app/use-cursor-list';
import { primeUsers } from '../../app/users';
import { formatDateTime } from '../../lib/dates';
import { formBody } from '../../lib/form-body';

interface Values {
  username: string;
  password?: string;
  displayName: string;
  role: Role;
  email?: string;
  mobile?: string;
  parkId?: string;
  active?: boolean;
}

/** 用户与角色: who may sign in, with which role, in which park; disabling keeps the history. */
export function UsersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role>();
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const list = useCursorList<User>('/api/users', { q, role, includeDisabled: includeDisabled || undefined }, 50);
  const parks = useParkTree();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const { run, submitting, alert, setFormErrors } = useApiForm(form);

  useEffect(() => primeUsers(list.items), [list.items]);

  const open = (user: User | 'new') => {
    setFormErrors([]);
    form.resetFields();
    if (user !== 'new') form.setFieldsValue({ ...user, email: user.email ?? undefined, mobile: user.mobile ?? undefined });
    else form.setFieldsValue({ role: 'officer' });
    setEditing(user);
  };
  const save = (values: Values) =>
    run(async () => {
      // a cleared e-mail or mobile of an existing user is sent as null (cleared), not left out (kept)
      const body = formBody(values, { editing: editing !== 'new', clearable: ['email', 'mobile'] });
      if (editing === 'new') {
        await api.post<User>('/api/users', body);
        void message.success(t('admin.userCreated'));
      } else if (editing) {
        delete body.username;
        await api.patch<User>(`/api/users/${editing.id}`, { ...body, version: editing.version });
        void message.success(t('common.saved'));
      }
      setEditing(null);
      list.reload();
    });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={`${t('admin.username')} / ${t('admin.displayName')}`} onSearch={(v) => setQ(v.trim())} style={{ width: 220 }} />
        <Select allowClear placeholder={t('admin.role')} value={role} onChange={setRole} style={{ width: 140 }} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <Checkbox checked={includeDisabled} onChange={(e) => setIncludeDisabled(e.target.checked)}>{t('admin.showDisabled')}</Checkbox>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('admin.newUser')}</Button>
      </Space>
      <Table<User>
        rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.items} scroll={{ x: 800 }}
        columns={[
          { title: t('admin.username'), dataIndex: 'username' },
          { title: t('admin.displayName'), dataIndex: 'displayName' },
          { title: t('admin.role'), dataIndex: 'role', render: (r: Role) => <Tag color={r === 'admin' ? 'red' : r === 'manager' ? 'gold' : r === 'leader' ? 'purple' : 'blue'}>{t(`role.${r}`)}</Tag> },
          { title: t('admin.park'), dataIndex: 'parkId', render: parks.name },
          { title: t('admin.mobile'), dataIndex: 'mobile', render: (v) => v ?? '' },
          { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.disabled')}</Tag>) },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('common.actions'), render: (_, u) => <Button size="small" type="link" onClick={() => open(u)}>{t('common.edit')}</Button> },
        ]}
        footer={list.hasMore ? () => <Button onClick={list.loadMore}>{t('common.loadMore')}</Button> : undefined}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.newUser') : t('common.edit')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={submitting} destroyOnHidden forceRender>
        {alert}
        <Form form={form} layout="vertical" onFinish={save} className="zs-compact-form">
          <div className="zs-form-row">
            <Form.Item name="username" label={t('admin.username')} rules={[{ required: true }]}><Input disabled={editing !== 'new'} maxLength={64} /></Form.Item>
            <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
            <Form.Item name="parkId" label={t('admin.park')}><TreeSelect allowClear treeDefaultExpandAll treeData={parks.tree} /></Form.Item>
            <Form.Item name="email" label={t('admin.email')}><Input maxLength={200} /></Form.Item>
            <Form.Item name="mobile" label={t('admin.mobile')}><Input maxLength={20} /></Form.Item>
            <Form.Item name="password" label={editing === 'new' ? t('admin.password') : t('admin.newPassword')} rules={editing === 'new' ? [{ required: true }] : []}>
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
            {editing !== 'new' && <Form.Item name="active" label={t('admin.active')} valuePropName="checked"><Switch /></Form.Item>}
          </div>
        </Form>
      </Modal>
    </>
  );
}
