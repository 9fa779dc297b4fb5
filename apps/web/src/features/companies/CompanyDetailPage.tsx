import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, List, Modal, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { CompanyDetail, CompanyProjectSummary, Contact } from '../../api/types';
import { useApiForm, useErrorToast } from '../../app/api-form';
import { useDictionaries } from '../../app/dictionaries';
import { formatWan, type UiLanguage } from '../../lib/format';
import { CompanyFormModal } from './CompanyFormModal';

type ContactValues = Pick<Contact, 'name'> & Partial<Pick<Contact, 'title' | 'mobile' | 'email' | 'wechat' | 'primary'>>;

/** One company with its contacts (add, edit, delete) and the projects the caller may see. */
export default function CompanyDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { label } = useDictionaries();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [company, setCompany] = useState<CompanyDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [contact, setContact] = useState<Contact | 'new' | null>(null);
  const [form] = Form.useForm<ContactValues>();
  const { run, submitting, alert, setFormErrors } = useApiForm(form);

  const load = useCallback(() => {
    api.get<CompanyDetail>(`/api/companies/${id}`).then(setCompany).catch((e) => isApiError(e) && setMissing(true));
  }, [id]);
  useEffect(load, [load]);

  const openContact = (c: Contact | 'new') => {
    setFormErrors([]);
    form.resetFields();
    if (c !== 'new') form.setFieldsValue(c);
    setContact(c);
  };
  const saveContact = (values: ContactValues) =>
    run(async () => {
      const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? (contact === 'new' ? undefined : null) : v]));
      if (contact === 'new') await api.post(`/api/companies/${id}/contacts`, body);
      else if (contact) await api.patch(`/api/contacts/${contact.id}`, { ...body, version: contact.version });
      setContact(null);
      void message.success(t('common.saved'));
      load();
    });
  const removeContact = async (c: Contact) => {
    try {
      await api.delete(`/api/contacts/${c.id}`);
      void message.success(t('common.deleted'));
      load();
    } catch (error) {
      showError(error);
    }
  };

  if (missing) return <Result status="404" title={t('errors.notFound')} />;
  if (!company) return <Skeleton active />;
  return (
    <>
      <div className="zs-page-title">
        <Space wrap>
          <Typography.Title level={4}>{company.name}</Typography.Title>
          {company.listed && <Tag color="gold">{t('companies.fields.listed')}</Tag>}
        </Space>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('companies.fields.creditCode')}>{company.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('companies.fields.industry')}>{label('industries', company.industry)}</Descriptions.Item>
          <Descriptions.Item label={t('companies.fields.country')}>{[company.country, company.province, company.city].filter(Boolean).join(' · ')}</Descriptions.Item>
          <Descriptions.Item label={t('companies.fields.size')}>{company.size ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('companies.fields.registeredCapital')}>{formatWan(company.registeredCapital, i18n.language as UiLanguage)}</Descriptions.Item>
          <Descriptions.Item label={t('companies.fields.website')}>{company.website ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <div className="zs-card-grid">
        <Card size="small" title={t('companies.contacts')} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => openContact('new')}>{t('companies.addContact')}</Button>}>
          <List
            size="small"
            dataSource={company.contacts}
            locale={{ emptyText: t('common.noData') }}
            renderItem={(c) => (
              <List.Item actions={[
                <Button key="e" size="small" type="link" onClick={() => openContact(c)}>{t('common.edit')}</Button>,
                <Popconfirm key="d" title={t('common.delete')} onConfirm={() => void removeContact(c)}><Button size="small" type="link" danger icon={<DeleteOutlined />} /></Popconfirm>,
              ]}>
                <List.Item.Meta
                  title={<span>{c.name} {c.title && <span className="zs-muted">{c.title}</span>} {c.primary && <Tag color="blue">{t('companies.contact.primary')}</Tag>}</span>}
                  description={[c.mobile, c.email, c.wechat && `${t('companies.contact.wechat')} ${c.wechat}`].filter(Boolean).join(' · ') || '—'}
                />
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('companies.projects')}>
          <Table<CompanyProjectSummary>
            rowKey="id" size="small" pagination={false} dataSource={company.projects}
            columns={[
              { title: t('fields.name'), dataIndex: 'name', render: (v: string, p) => <Link to={`/projects/${p.id}`}>{v}</Link> },
              { title: t('fields.stage'), dataIndex: 'stage', render: (s: CompanyProjectSummary['stage']) => <Tag bordered={false} color="blue">{t(`stage.${s}`)}</Tag> },
              { title: t('fields.totalInvestment'), dataIndex: 'totalInvestment', align: 'right', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatWan(v, i18n.language as UiLanguage)}</span> },
            ]}
          />
        </Card>
      </div>
      <CompanyFormModal open={editing} company={company} onClose={() => setEditing(false)}
        onSaved={() => { setEditing(false); void message.success(t('common.saved')); load(); }} />
      <Modal open={contact !== null} title={contact === 'new' ? t('companies.addContact') : t('common.edit')} onCancel={() => setContact(null)}
        onOk={() => form.submit()} confirmLoading={submitting} destroyOnHidden forceRender>
        {alert}
        <Form form={form} layout="vertical" onFinish={saveContact} className="zs-compact-form">
          <div className="zs-form-row">
            <Form.Item name="name" label={t('companies.contact.name')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="title" label={t('companies.contact.title')}><Input maxLength={100} /></Form.Item>
            <Form.Item name="mobile" label={t('companies.contact.mobile')}><Input maxLength={32} /></Form.Item>
            <Form.Item name="email" label={t('companies.contact.email')}><Input maxLength={200} /></Form.Item>
            <Form.Item name="wechat" label={t('companies.contact.wechat')}><Input maxLength={100} /></Form.Item>
          </div>
          <Form.Item name="primary" valuePropName="checked"><Checkbox>{t('companies.contact.primary')}</Checkbox></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
