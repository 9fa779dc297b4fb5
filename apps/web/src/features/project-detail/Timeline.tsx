import { Button, Empty, Spin, Tag, Timeline as AntTimeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Agreement, Blocker, Fund, FundPage, Milestone, Page, Project, ProjectHistory, Visit } from '../../api/types';
import { UserName } from '../../app/users';
import { formatDateTime } from '../../lib/dates';
import { formatWan, type UiLanguage } from '../../lib/format';

interface Entry {
  key: string;
  at: string;
  color: string;
  content: React.ReactNode;
}

/**
 * One timeline of visits, agreements, stage moves (with their notes), funds, problems raised and resolved and
 * permit steps done (with their notes), newest first (50 of each, more on demand).
 */
export function Timeline({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const [limit, setLimit] = useState(50);
  const [data, setData] = useState<{
    visits: Page<Visit>; agreements: Page<Agreement>; funds: FundPage; history: ProjectHistory;
    blockers: Page<Blocker>; milestones: Page<Milestone>; categories: Map<string, string>;
  } | null>(null);

  useEffect(() => {
    const base = `/api/projects/${project.id}`;
    Promise.all([
      api.get<Page<Visit>>(`${base}/visits`, { limit }),
      api.get<Page<Agreement>>(`${base}/agreements`, { limit }),
      api.get<FundPage>(`${base}/funds`, { limit }),
      api.get<ProjectHistory>(`${base}/history`),
      api.get<Page<Blocker>>(`${base}/blockers`, { limit }),
      api.get<Page<Milestone>>(`${base}/milestones`),
      api.get<{ items: { key: string; label: string }[] }>('/api/blockers/categories').catch(() => ({ items: [] })),
    ]).then(([visits, agreements, funds, history, blockers, milestones, categories]) =>
      setData({ visits, agreements, funds, history, blockers, milestones, categories: new Map(categories.items.map((c) => [c.key, c.label])) }))
      .catch(() => undefined);
  }, [project.id, limit, i18n.language]);

  const entries = useMemo<Entry[]>(() => {
    if (!data) return [];
    const list: Entry[] = [
      ...data.visits.items.map((v) => ({
        key: `v${v.id}`, at: v.occurredAt, color: 'blue',
        content: (
          <div>
            <Tag color="blue" bordered={false}>{t(`visitKind.${v.kind}`)}</Tag>
            {v.place && <span className="zs-muted">{v.place} · </span>}
            <span className="zs-muted"><UserName id={v.createdById} /></span>
            <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{v.summary}</Typography.Paragraph>
            {v.otherParticipants && <div className="zs-muted">{t('visit.participants')}{t('common.colon')}{v.otherParticipants}</div>}
            {v.nextStep && <div>{t('visit.nextStep')}{t('common.colon')}{v.nextStep}</div>}
            {v.nextFollowUpAt && <div className="zs-muted">{t('visit.nextFollowUpAt')}{t('common.colon')}{formatDateTime(v.nextFollowUpAt)}</div>}
          </div>
        ),
      })),
      ...data.agreements.items.map((a) => ({
        key: `a${a.id}`, at: a.signedOn, color: 'cyan',
        content: <span><Tag color="cyan" bordered={false}>{t('detail.agreements')}</Tag>{t('detail.agreementOf', { kind: t(`agreementKind.${a.kind}`), amount: formatWan(a.amount, language) })}{a.number ? `（${a.number}）` : ''}</span>,
      })),
      ...data.history.stages.map((s, i) => ({
        key: `s${i}`, at: s.at, color: 'green',
        content: (
          <span>
            <Tag color="green" bordered={false}>{t('fields.stage')}</Tag>
            {s.from ? t('detail.movedStage', { from: t(`stage.${s.from}`), to: t(`stage.${s.to}`) }) : t('detail.created', { to: t(`stage.${s.to}`) })}
            {s.by && <span className="zs-muted"> · {s.by.displayName}</span>}
            {s.note && <div className="zs-muted">{s.note}</div>}
          </span>
        ),
      })),
      ...data.funds.items.map((f: Fund) => ({
        key: `f${f.id}`, at: f.receivedOn, color: 'gold',
        content: <span><Tag color="gold" bordered={false}>{t('detail.funds')}</Tag>{t('detail.fundOf', { amount: formatWan(f.amount, language) })}{f.note ? ` · ${f.note}` : ''}</span>,
      })),
      ...data.blockers.items.flatMap((b) => {
        const category = data.categories.get(b.category) ?? b.category;
        const raised: Entry = {
          key: `b${b.id}`, at: b.createdAt, color: 'red',
          content: <span><Tag color="red" bordered={false}>{t('detail.blockers')}</Tag>{category}{t('common.colon')}{b.description}</span>,
        };
        if (!b.resolvedAt) return [raised];
        return [raised, {
          key: `r${b.id}`, at: b.resolvedAt, color: 'green',
          content: <span><Tag color="green" bordered={false}>{t('detail.blockerResolved')}</Tag>{category}{b.resolution ? `${t('common.colon')}${b.resolution}` : ''}</span>,
        }];
      }),
      ...data.milestones.items.filter((m) => m.status === 'done' && m.doneOn).map((m) => ({
        key: `m${m.id}`, at: m.doneOn!, color: 'purple',
        content: <span><Tag color="purple" bordered={false}>{t('detail.permits')}</Tag>{t('detail.permitDone', { step: m.label })}{m.note ? ` · ${m.note}` : ''}</span>,
      })),
    ];
    return list.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  }, [data, t, language]);

  if (!data) return <Spin />;
  if (!entries.length) return <Empty description={t('common.noData')} />;
  const more = [data.visits, data.agreements, data.funds, data.blockers].some((p) => p.nextCursor);
  return (
    <>
      <AntTimeline
        style={{ marginTop: 8 }}
        items={entries.map((e) => ({
          key: e.key,
          color: e.color,
          content: (
            <div>
              <div className="zs-muted" style={{ fontSize: 12 }}>{e.at.length === 10 ? e.at : formatDateTime(e.at)}</div>
              {e.content}
            </div>
          ),
        }))}
        data-testid="timeline"
      />
      {more && <Button onClick={() => setLimit((l) => Math.min(l + 50, 200))}>{t('common.loadMore')}</Button>}
    </>
  );
}
