import dayjs from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Drawer, Empty, Grid, Input, List, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LEAD_STATUSES, type Lead, type LeadStatus } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useDictionaries } from '../../app/dictionaries';
import { useCursorList } from '../../app/use-cursor-list';
import { UserName } from '../../app/users';
import { formatWan, type UiLanguage } from '../../lib/format';
import { IntakeModal } from './IntakeModal';
import { LeadPanel } from './LeadPanel';

export const LEAD_STATUS_COLORS: Record<LeadStatus, string> = { new: 'orange', assigned: 'blue', pursuing: 'cyan', converted: 'green', rejected: 'default' };

/** 线索: quick intake, the manager's assignment queue, screening beside the suspected duplicates, conversion. */
export default function LeadsPage() {
  const { t, i18n } = useTranslation();
  const { hasRole } = useAuth();
  const { label } = useDictionaries();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const manager = hasRole('manager', 'admin');
  const [tab, setTab] = useState(manager ? 'queue' : 'mine');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<LeadStatus>();
  const [selected, setSelected] = useState<Lead | null>(null);
  const [intake, setIntake] = useState(params.get('intake') === '1');

  useEffect(() => {
    if (params.get('intake')) setParams({}, { replace: true });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const query = {
    q,
    status: tab === 'queue' ? 'new' : status,
    assigneeId: tab === 'mine' ? 'me' : undefined,
  };
  const list = useCursorList<Lead>('/api/leads', query, 30);
  const changed = (lead: Lead) => {
    setSelected(lead);
    list.update(lead.id, lead);
  };

  const tabs = [
    ...(manager ? [{ key: 'queue', label: t('leads.queue') }] : []),
    { key: 'mine', label: t('leads.mine') },
    { key: 'all', label: t('leads.all') },
  ];
  const panel = selected ? <LeadPanel key={selected.id} lead={selected} onChange={changed} /> : null;

  return (
    <>
      <div className="zs-page-title">
        <Typography.Title level={4}>{t('leads.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)} data-testid="lead-intake">{t('leads.intake')}</Button>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: screens.lg ? 'minmax(340px, 2fr) 3fr' : '1fr', gap: 16, alignItems: 'start' }}>
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs activeKey={tab} onChange={setTab} items={tabs} />
          <Space wrap style={{ marginBottom: 8 }}>
            <Input.Search allowClear placeholder={t('projects.searchPlaceholder')} onSearch={(v) => setQ(v.trim())} style={{ width: 200 }} />
            {tab !== 'queue' && (
              <Select allowClear placeholder={t('common.status')} style={{ width: 110 }} value={status} onChange={setStatus}
                options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leadStatus.${s}`) }))} />
            )}
          </Space>
          <List<Lead>
            size="small"
            data-testid="lead-list"
            loading={list.loading && list.items.length === 0}
            dataSource={list.items}
            locale={{ emptyText: t('common.noData') }}
            loadMore={list.hasMore ? <div style={{ textAlign: 'center' }}><Button size="small" onClick={list.loadMore}>{t('common.loadMore')}</Button></div> : null}
            renderItem={(lead) => (
              <List.Item
                onClick={() => setSelected(lead)}
                style={{ cursor: 'pointer', background: selected?.id === lead.id ? '#e6f4ff' : undefined, paddingInline: 8 }}
                extra={<Tag color={LEAD_STATUS_COLORS[lead.status]}>{t(`leadStatus.${lead.status}`)}</Tag>}
              >
                <List.Item.Meta
                  title={lead.title}
                  description={
                    <span>
                      {lead.companyName} · {label('industries', lead.industry)} · {formatWan(lead.estimatedInvestment, i18n.language as UiLanguage)}
                      <br />
                      {lead.receivedOn}
                      {lead.assigneeId && <> · <UserName id={lead.assigneeId} /></>}
                      {lead.status === 'assigned' && lead.screeningDueOn && (
                        <> · <Badge status={lead.screeningDueOn < dayjs().format('YYYY-MM-DD') ? 'error' : 'processing'} text={`${t('leads.fields.screeningDueOn')} ${lead.screeningDueOn}`} /></>
                      )}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
        {screens.lg ? (
          panel ?? <Card size="small"><Empty description={t('leads.selectLead')} /></Card>
        ) : (
          <Drawer open={!!selected} onClose={() => setSelected(null)} size="100%" title={selected?.title}>
            {panel}
          </Drawer>
        )}
      </div>
      <IntakeModal
        open={intake}
        onClose={() => setIntake(false)}
        onSaved={(lead) => {
          setIntake(false);
          list.reload();
          setSelected(lead);
        }}
      />
    </>
  );
}
