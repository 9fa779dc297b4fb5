import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Company } from '../../api/types';
import { useDictionaries } from '../../app/dictionaries';
import { useCursorList } from '../../app/use-cursor-list';
import { formatDate } from '../../lib/dates';
import { CompanyFormModal } from './CompanyFormModal';

/** 企业: investor companies, searchable by name (Chinese included) or credit code, paged from the server. */
export default function CompaniesPage() {
  const { t } = useTranslation();
  const { options, label } = useDictionaries();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [industry, setIndustry] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useCursorList<Company>('/api/companies', { q, industry }, 50);
  return (
    <>
      <div className="zs-page-title">
        <Typography.Title level={4}>{t('companies.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-company">{t('companies.create')}</Button>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search allowClear placeholder={t('companies.searchPlaceholder')} onSearch={(v) => setQ(v.trim())} style={{ width: 260 }} />
          <Select allowClear placeholder={t('companies.fields.industry')} style={{ width: 160 }} value={industry} onChange={setIndustry}
            options={options('industries')} showSearch={{ optionFilterProp: 'label' }} />
        </Space>
      </Card>
      <Table<Company>
        rowKey="id" size="middle" pagination={false} loading={list.loading} dataSource={list.items} scroll={{ x: 800 }}
        columns={[
          { title: t('companies.fields.name'), dataIndex: 'name', render: (v: string, c) => <span><Link to={`/companies/${c.id}`}>{v}</Link> {c.listed && <Tag color="gold">{t('companies.fields.listed')}</Tag>}</span> },
          { title: t('companies.fields.creditCode'), dataIndex: 'creditCode', render: (v) => v ?? '—' },
          { title: t('companies.fields.industry'), dataIndex: 'industry', render: (v: string) => label('industries', v) },
          { title: t('companies.fields.country'), render: (_, c) => [c.country, c.province, c.city].filter(Boolean).join(' · ') },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDate },
        ]}
        footer={() => (list.hasMore ? <Button onClick={list.loadMore} loading={list.loading}>{t('common.loadMore')}</Button> : <span className="zs-muted">{t('common.noMore')}</span>)}
      />
      <CompanyFormModal open={creating} onClose={() => setCreating(false)}
        onSaved={(company) => { setCreating(false); void message.success(t('companies.created')); navigate(`/companies/${company.id}`); }} />
    </>
  );
}
