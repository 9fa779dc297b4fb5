import { CopyOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, DatePicker, Empty, Select, Skeleton, Space, Statistic, Table, Tabs, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { CHANNELS, type BreakdownItem, type Briefing, type DispatchList, type Funnel, type FunnelStage, type Kpis, type ParkTreeNode } from '../../api/types';
import { useErrorToast } from '../../app/api-form';
import { useAuth } from '../../app/auth';
import { useDictionaries } from '../../app/dictionaries';
import { UserSelect } from '../../app/users';
import { formatCount, formatRate, formatWan, yearOnYear, type UiLanguage } from '../../lib/format';
import { EChart, type ChartOption } from './EChart';

interface Filters {
  year: number;
  industry?: string;
  channel?: string;
  originRegion?: string;
  ownerId?: string;
  parkId?: string;
}

/** 驾驶舱: the manager's screen — funnel, KPI cards with year-on-year change, breakdowns, dispatch list, briefing. */
export default function CockpitPage() {
  const { t, i18n } = useTranslation();
  const { hasRole } = useAuth();
  const { options } = useDictionaries();
  const showError = useErrorToast();
  const language = i18n.language as UiLanguage;
  const [filters, setFilters] = useState<Filters>({ year: dayjs().year() });
  const [funnel, setFunnel] = useState<Funnel | null>(null);
  const [kpis, setKpis] = useState<Kpis | null>(null);
  const [dispatch, setDispatch] = useState<DispatchList | null>(null);
  const [parks, setParks] = useState<ParkTreeNode[]>([]);

  useEffect(() => {
    api.get<ParkTreeNode[]>('/api/parks/tree').then(setParks).catch(() => undefined);
  }, []);
  useEffect(() => {
    setFunnel(null);
    setKpis(null);
    api.get<Funnel>('/api/analytics/funnel', { ...filters }).then(setFunnel).catch(showError);
    api.get<Kpis>('/api/analytics/kpis', { ...filters }).then(setKpis).catch(showError);
  }, [filters, i18n.language, showError]);
  useEffect(() => {
    api.get<DispatchList>('/api/analytics/dispatch', { parkId: filters.parkId, ownerId: filters.ownerId }).then(setDispatch).catch(showError);
  }, [filters.parkId, filters.ownerId, showError]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  interface TreeNode { value: string; title: string; children: TreeNode[] }
  const parkTree = (nodes: ParkTreeNode[]): TreeNode[] =>
    nodes.map((n) => ({ value: n.id, title: n.name, children: parkTree(n.children) }));

  return (
    <>
      <div className="zs-page-title">
        <Typography.Title level={4}>{t('cockpit.title')}</Typography.Title>
        <Space wrap>
          <DatePicker picker="year" allowClear={false} value={dayjs(`${filters.year}-01-01`)} onChange={(d) => d && set({ year: d.year() })} data-testid="cockpit-year" />
          {parks.length > 0 && (
            <TreeSelect allowClear placeholder={t('fields.park')} style={{ width: 160 }} treeDefaultExpandAll value={filters.parkId}
              treeData={parkTree(parks)} onChange={(v) => set({ parkId: v })} />
          )}
          <Select allowClear placeholder={t('fields.industry')} style={{ width: 140 }} value={filters.industry} options={options('industries')} onChange={(v) => set({ industry: v })} />
          <Select allowClear placeholder={t('fields.channel')} style={{ width: 130 }} value={filters.channel}
            options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} onChange={(v) => set({ channel: v })} />
          <Select allowClear placeholder={t('fields.originRegion')} style={{ width: 120 }} value={filters.originRegion} options={options('regions')} onChange={(v) => set({ originRegion: v })} />
          {hasRole('manager', 'admin') && <UserSelect placeholder={t('fields.owner')} style={{ width: 120 }} value={filters.ownerId} onChange={(v) => set({ ownerId: v })} />}
        </Space>
      </div>

      <KpiCards kpis={kpis} language={language} />

      <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(440px, 1fr))', marginTop: 16 }}>
        <FunnelCard funnel={funnel} language={language} />
        <BreakdownCard kpis={kpis} language={language} />
      </div>

      <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(440px, 1fr))', marginTop: 16 }}>
        <DispatchCard dispatch={dispatch} />
        <BriefingCard year={filters.year} filters={filters} />
      </div>
    </>
  );
}

function KpiCards({ kpis, language }: { kpis: Kpis | null; language: UiLanguage }) {
  const { t } = useTranslation();
  if (!kpis) return <Skeleton active />;
  const d = kpis.definitions;
  const cards: { key: string; title: string; value: string; sub?: string; current?: number; previous?: number; help?: string }[] = [
    { key: 'active', title: t('cockpit.active'), value: formatCount(kpis.active.count), sub: formatWan(kpis.active.totalInvestment, language), current: kpis.active.count, previous: kpis.previous.active.count, help: d.active },
    { key: 'inContact', title: t('cockpit.inContact'), value: formatCount(kpis.inContact.count), sub: formatWan(kpis.inContact.totalInvestment, language), current: kpis.inContact.count, previous: kpis.previous.inContact.count, help: d.inContact },
    { key: 'landed', title: t('cockpit.landed'), value: formatCount(kpis.landed.count), sub: formatWan(kpis.landed.totalInvestment, language), current: kpis.landed.count, previous: kpis.previous.landed.count, help: d.landed },
    { key: 'over100m', title: t('cockpit.over100m'), value: formatCount(kpis.active.over100m), sub: `${t('cockpit.over50mShort')} ${kpis.active.over50m}`, current: kpis.active.over100m, previous: kpis.previous.active.over100m, help: d.over100m },
    { key: 'signed', title: t('cockpit.signed'), value: formatCount(kpis.entered.signed), sub: formatWan(kpis.enteredInvestment.signed, language), current: kpis.entered.signed, previous: kpis.previous.entered.signed, help: d.entered },
    { key: 'started', title: t('cockpit.started'), value: formatCount(kpis.entered.started), sub: formatWan(kpis.enteredInvestment.started, language), current: kpis.entered.started, previous: kpis.previous.entered.started, help: d.entered },
    { key: 'producing', title: t('cockpit.producing'), value: formatCount(kpis.entered.producing), sub: formatWan(kpis.enteredInvestment.producing, language), current: kpis.entered.producing, previous: kpis.previous.entered.producing, help: d.entered },
    { key: 'funds', title: t('cockpit.fundsInPlace'), value: formatWan(kpis.fundsInPlace, language), current: kpis.fundsInPlace, previous: kpis.previous.fundsInPlace, help: d.fundsInPlace },
    { key: 'startRate', title: t('cockpit.startRate'), value: formatRate(kpis.startRate), sub: `${t('cockpit.yoy')}: ${formatRate(kpis.previous.startRate)}`, help: d.startRate },
    { key: 'productionRate', title: t('cockpit.productionRate'), value: formatRate(kpis.productionRate), sub: `${t('cockpit.yoy')}: ${formatRate(kpis.previous.productionRate)}`, help: d.productionRate },
  ];
  return (
    <div className="zs-kpi-grid" data-testid="kpi-cards">
      {cards.map((card) => {
        const change = card.current !== undefined ? yearOnYear(card.current, card.previous) : null;
        return (
          <Card size="small" key={card.key} data-testid={`kpi-${card.key}`}>
            <Statistic
              title={<span>{card.title} {card.help && <Tooltip title={card.help}><InfoCircleOutlined className="zs-muted" /></Tooltip>}</span>}
              value={card.value}
            />
            <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, marginTop: 4 }}>
              <span className="zs-muted">{card.sub}</span>
              {change && (
                <span className={change.direction === 'up' ? 'zs-up' : change.direction === 'down' ? 'zs-down' : 'zs-muted'}>
                  {t('cockpit.yoy')} {change.text}
                </span>
              )}
            </div>
          </Card>
        );
      })}
    </div>
  );
}

function FunnelCard({ funnel, language }: { funnel: Funnel | null; language: UiLanguage }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    if (!funnel) return {};
    const max = Math.max(1, ...funnel.stages.map((s) => s.entered));
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; data: { investment: number } }) => `${p.name}<br/>${p.value} · ${formatWan(p.data.investment, language)}` },
      series: [{
        type: 'funnel', sort: 'none', left: '8%', right: '8%', top: 8, bottom: 8, min: 0, max, minSize: '8%', gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}  {c}' },
        data: funnel.stages.map((s) => ({ name: s.label, value: s.entered, investment: s.totalInvestment })),
      }],
    };
  }, [funnel, language]);
  if (!funnel) return <Card size="small" title={t('cockpit.funnel')}><Skeleton active /></Card>;
  return (
    <Card size="small" title={`${t('cockpit.funnel')} · ${funnel.period.from} ~ ${funnel.period.to}`}
      extra={<span className="zs-muted">{t('cockpit.leads')} {funnel.leads.received} · {t('cockpit.conversionRate')} {formatRate(funnel.leads.conversionRate)}</span>}>
      <EChart option={option} height={300} testId="funnel-chart" />
      <Table<FunnelStage>
        data-testid="funnel-table"
        rowKey="stage" size="small" pagination={false} dataSource={funnel.stages} scroll={{ x: 480 }}
        columns={[
          { title: t('fields.stage'), dataIndex: 'label' },
          { title: t('cockpit.entered'), dataIndex: 'entered', align: 'right', onCell: (s) => ({ 'data-stage': s.stage, 'data-testid': 'funnel-entered' }) as React.HTMLAttributes<HTMLElement> },
          { title: t('cockpit.investment'), dataIndex: 'totalInvestment', align: 'right', render: (v: number) => formatWan(v, language) },
          { title: t('cockpit.conversionToNext'), dataIndex: 'conversionToNext', align: 'right', render: formatRate },
          { title: t('cockpit.medianDays'), dataIndex: 'medianDays', align: 'right', render: (v: number | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

function BreakdownCard({ kpis, language }: { kpis: Kpis | null; language: UiLanguage }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'industry' | 'channel' | 'originRegion' | 'owner'>('industry');
  const rows = kpis?.breakdowns[tab] ?? [];
  const option = useMemo<ChartOption>(() => {
    const top = [...rows].sort((a, b) => b.active.count - a.active.count).slice(0, 10).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map((r) => r.label) },
      series: [
        { name: t('cockpit.active'), type: 'bar', data: top.map((r) => r.active.count) },
        { name: t('cockpit.landed'), type: 'bar', data: top.map((r) => r.landed.count) },
      ],
    };
  }, [rows, t]);
  if (!kpis) return <Card size="small" title={t('cockpit.breakdowns')}><Skeleton active /></Card>;
  return (
    <Card size="small" title={t('cockpit.breakdowns')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as typeof tab)} items={[
        { key: 'industry', label: t('cockpit.byIndustry') },
        { key: 'channel', label: t('cockpit.byChannel') },
        { key: 'originRegion', label: t('cockpit.byRegion') },
        { key: 'owner', label: t('cockpit.byOwner') },
      ]} />
      {rows.length === 0 ? <Empty /> : (
        <>
          <EChart option={option} height={Math.max(200, Math.min(rows.length, 10) * 28 + 50)} />
          <Table<BreakdownItem>
            rowKey={(r) => r.key ?? '—'} size="small" pagination={{ pageSize: 8, hideOnSinglePage: true }} dataSource={rows} scroll={{ x: 520 }}
            columns={[
              { title: t('common.name'), dataIndex: 'label' },
              { title: t('cockpit.active'), render: (_, r) => r.active.count, align: 'right', sorter: (a, b) => a.active.count - b.active.count },
              { title: t('cockpit.investment'), render: (_, r) => formatWan(r.active.totalInvestment, language), align: 'right', sorter: (a, b) => a.active.totalInvestment - b.active.totalInvestment },
              { title: t('cockpit.signed'), render: (_, r) => r.entered.signed, align: 'right' },
              { title: t('cockpit.started'), render: (_, r) => r.entered.started, align: 'right' },
              { title: t('cockpit.fundsInPlace'), render: (_, r) => formatWan(r.fundsInPlace, language), align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function DispatchCard({ dispatch }: { dispatch: DispatchList | null }) {
  const { t } = useTranslation();
  if (!dispatch) return <Card size="small" title={t('cockpit.dispatch')}><Skeleton active /></Card>;
  return (
    <Card size="small" title={t('cockpit.dispatch')} data-testid="dispatch"
      extra={<span className="zs-muted">{dispatch.today} · {t('cockpit.projects')} {dispatch.projectCount} · {t('cockpit.items')} {dispatch.itemCount}</span>}>
      {dispatch.groups.length === 0 ? <Empty description={t('cockpit.nothingOverdue')} /> : (
        <Collapse
          size="small"
          defaultActiveKey={dispatch.groups.slice(0, 1).map((g) => g.leader?.id ?? 'none')}
          items={dispatch.groups.map((g) => ({
            key: g.leader?.id ?? 'none',
            label: <span>{t('fields.leader')}{t('common.colon')}{g.leader?.displayName ?? t('cockpit.noLeader')} <Tag>{g.projects.length}</Tag></span>,
            children: g.projects.map((p) => (
              <div key={p.id} style={{ marginBottom: 10 }}>
                <div>
                  <Link to={`/projects/${p.id}`}>{p.name}</Link> <Tag bordered={false}>{t(`stage.${p.stage}`)}</Tag>
                  <span className="zs-muted">{p.owner?.displayName}</span> <Tag color="red">{t('cockpit.daysOverdue', { days: p.daysOverdue })}</Tag>
                </div>
                <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                  {p.items.map((item) => (
                    <li key={`${item.kind}-${item.id}-${item.key}`}>
                      <Tag bordered={false}>{t(`cockpit.dispatchKind.${item.kind}`)}</Tag>{item.title}
                      <span className="zs-muted"> · {item.dueOn} · {t('cockpit.daysOverdue', { days: item.daysOverdue })}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )),
          }))}
        />
      )}
    </Card>
  );
}

function BriefingCard({ year, filters }: { year: number; filters: Filters }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const period = month ? month.format('YYYY-MM') : String(year);

  useEffect(() => {
    setBriefing(null);
    const { industry, channel, originRegion, ownerId, parkId } = filters;
    api.get<Briefing>('/api/reports/briefing', { period, industry, channel, originRegion, ownerId, parkId }).then(setBriefing).catch(showError);
  }, [period, filters, i18n.language, showError]);

  const copy = async () => {
    if (!briefing) return;
    try {
      await navigator.clipboard.writeText(briefing.text);
    } catch {
      const area = document.createElement('textarea');
      area.value = briefing.text;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    void message.success(t('common.copied'));
  };

  return (
    <Card size="small" title={t('cockpit.briefing')}
      extra={
        <Space>
          <DatePicker picker="month" allowClear placeholder={String(year)} value={month} onChange={setMonth} size="small" />
          <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()} disabled={!briefing} data-testid="copy-briefing">{t('cockpit.copyBriefing')}</Button>
        </Space>
      }>
      {briefing ? <div className="zs-briefing" data-testid="briefing">{briefing.text}</div> : <Skeleton active />}
    </Card>
  );
}
