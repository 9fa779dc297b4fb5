import { AppstoreOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { download } from '../../api/client';
import { CHANNELS, STAGES, type Project } from '../../api/types';
import { useErrorToast } from '../../app/api-form';
import { useAuth } from '../../app/auth';
import { useDictionaries } from '../../app/dictionaries';
import { useCursorList } from '../../app/use-cursor-list';
import { UserName, UserSelect } from '../../app/users';
import { formatDateTime, isPast } from '../../lib/dates';
import { formatWan, investmentRange, type UiLanguage } from '../../lib/format';
import { ProjectFormModal } from './ProjectFormModal';

const FILTER_KEYS = ['q', 'stage', 'industry', 'channel', 'originRegion', 'ownerId', 'leaderId', 'minYi', 'maxYi', 'over100m'] as const;

/** 项目: the filterable, searchable project table, paged from the server; the Excel ledger of the same filter. */
export default function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const { hasRole } = useAuth();
  const { options, label } = useDictionaries();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [qText, setQText] = useState(params.get('q') ?? '');
  const canListUsers = hasRole('admin', 'manager');
  const language = i18n.language as UiLanguage;

  const filter = (key: (typeof FILTER_KEYS)[number]) => params.get(key) ?? undefined;
  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | number | boolean | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '' || value === false) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const query = useMemo(() => {
    const num = (v: string | null) => (v === null || v === '' ? undefined : Number(v));
    return {
      q: params.get('q') ?? undefined,
      stage: params.get('stage') ?? undefined,
      industry: params.get('industry') ?? undefined,
      channel: params.get('channel') ?? undefined,
      originRegion: params.get('originRegion') ?? undefined,
      ownerId: params.get('ownerId') ?? undefined,
      leaderId: params.get('leaderId') ?? undefined,
      over100m: params.get('over100m') === 'true' ? true : undefined,
      ...investmentRange(num(params.get('minYi')), num(params.get('maxYi')), 'yi'),
    };
  }, [params]);
  const list = useCursorList<Project>('/api/projects', query, 50);

  const exportExcel = async () => {
    setExporting(true);
    try {
      await download('/api/exports/projects.xlsx', query, '项目台账.xlsx');
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<Project> = [
    {
      title: t('fields.name'), dataIndex: 'name', fixed: 'left', width: 260,
      render: (_, p) => (
        <div>
          <Link to={`/projects/${p.id}`}>{p.name}</Link>
          {p.confidential && <Tag color="purple" style={{ marginInlineStart: 6 }}>{t('fields.confidential')}</Tag>}
          <div className="zs-muted" style={{ fontSize: 12 }}>{p.code} · {p.companyName}</div>
        </div>
      ),
    },
    { title: t('fields.stage'), dataIndex: 'stage', width: 90, render: (stage: Project['stage']) => <Tag color="blue" bordered={false}>{t(`stage.${stage}`)}</Tag> },
    { title: t('fields.totalInvestment'), dataIndex: 'totalInvestment', width: 120, align: 'right', render: (v: number) => formatWan(v, language) },
    { title: t('fields.industry'), dataIndex: 'industry', width: 120, render: (v: string) => label('industries', v) },
    { title: t('fields.channel'), dataIndex: 'channel', width: 110, render: (v: Project['channel']) => t(`channel.${v}`) },
    { title: t('fields.originRegion'), dataIndex: 'originRegion', width: 100, render: (v: string | null) => label('regions', v) },
    { title: t('fields.owner'), dataIndex: 'ownerId', width: 90, render: (id: string) => <UserName id={id} /> },
    { title: t('fields.leader'), dataIndex: 'leaderId', width: 90, render: (id: string | null) => <UserName id={id} /> },
    {
      title: t('fields.nextFollowUpAt'), dataIndex: 'nextFollowUpAt', width: 150,
      render: (v: string | null) => <span className={isPast(v) ? 'zs-overdue' : undefined}>{formatDateTime(v)}</span>,
    },
  ];

  return (
    <>
      <div className="zs-page-title">
        <Typography.Title level={4}>{t('projects.title')}</Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('projects.create')}</Button>
          <Link to="/projects/board"><Button icon={<AppstoreOutlined />}>{t('projects.board')}</Button></Link>
          <Tooltip title={t('projects.exportHint')}>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="export">{t('projects.export')}</Button>
          </Tooltip>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[12, 8]}>
          <Input.Search
            allowClear
            value={qText}
            onChange={(e) => setQText(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
            placeholder={t('projects.searchPlaceholder')}
            style={{ width: 240 }}
            data-testid="project-search"
          />
          <Select allowClear placeholder={t('fields.stage')} style={{ width: 120 }} value={filter('stage')} onChange={(v) => setFilter('stage', v)}
            options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
          <Select allowClear placeholder={t('fields.industry')} style={{ width: 150 }} value={filter('industry')} onChange={(v) => setFilter('industry', v)}
            options={options('industries')} showSearch={{ optionFilterProp: 'label' }} />
          <Select allowClear placeholder={t('fields.channel')} style={{ width: 130 }} value={filter('channel')} onChange={(v) => setFilter('channel', v)}
            options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          <Select allowClear placeholder={t('fields.originRegion')} style={{ width: 130 }} value={filter('originRegion')} onChange={(v) => setFilter('originRegion', v)}
            options={options('regions')} showSearch={{ optionFilterProp: 'label' }} />
          {canListUsers ? (
            <>
              <UserSelect placeholder={t('fields.owner')} style={{ width: 130 }} value={filter('ownerId')} onChange={(v) => setFilter('ownerId', v)} />
              <UserSelect placeholder={t('fields.leader')} roles={['leader', 'manager']} style={{ width: 130 }} value={filter('leaderId')} onChange={(v) => setFilter('leaderId', v)} />
            </>
          ) : (
            <>
              <Checkbox checked={filter('ownerId') === 'me'} onChange={(e) => setFilter('ownerId', e.target.checked ? 'me' : undefined)}>
                {t('projects.ownerMe')}
              </Checkbox>
              <Checkbox checked={filter('leaderId') === 'me'} onChange={(e) => setFilter('leaderId', e.target.checked ? 'me' : undefined)}>
                {t('projects.leaderMe')}
              </Checkbox>
            </>
          )}
          <Space.Compact>
            <InputNumber placeholder={t('projects.minYi')} min={0} style={{ width: 130 }} value={filter('minYi') ? Number(filter('minYi')) : null}
              onChange={(v) => setFilter('minYi', v)} />
            <InputNumber placeholder={t('projects.maxYi')} min={0} style={{ width: 130 }} value={filter('maxYi') ? Number(filter('maxYi')) : null}
              onChange={(v) => setFilter('maxYi', v)} />
          </Space.Compact>
          <Checkbox checked={filter('over100m') === 'true'} onChange={(e) => setFilter('over100m', e.target.checked)} data-testid="over100m">
            {t('projects.over100m')}
          </Checkbox>
          <Button onClick={() => { setQText(''); setParams(new URLSearchParams(), { replace: true }); }}>{t('common.reset')}</Button>
        </Space>
      </Card>
      <Table<Project>
        data-testid="projects-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 1130 }}
        onRow={(p) => ({ onDoubleClick: () => navigate(`/projects/${p.id}`) })}
        footer={() => (
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <span className="zs-muted">{t('projects.count', { count: list.items.length })}{list.hasMore ? '+' : ''}</span>
            {list.hasMore ? <Button onClick={list.loadMore} loading={list.loading}>{t('common.loadMore')}</Button> : <span className="zs-muted">{t('common.noMore')}</span>}
          </div>
        )}
      />
      <ProjectFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(project) => {
          setCreating(false);
          void message.success(t('projects.created'));
          navigate(`/projects/${project.id}`);
        }}
      />
    </>
  );
}
