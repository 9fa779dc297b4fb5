import { DownOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Dropdown, Result, Skeleton, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { STAGES, type Project } from '../../api/types';
import { useDictionaries } from '../../app/dictionaries';
import { UserName, UserNames } from '../../app/users';
import { formatDate, formatDateTime, isPast } from '../../lib/dates';
import { formatWan, type UiLanguage } from '../../lib/format';
import { ProjectFormModal } from '../projects/ProjectFormModal';
import { useStageMove } from '../projects/stage-move';
import { AgreementsTab } from './AgreementsTab';
import { BlockersTab } from './BlockersTab';
import { ContactsTab } from './ContactsTab';
import { FundsTab } from './FundsTab';
import { HistoryTab } from './HistoryTab';
import { MilestonesTab } from './MilestonesTab';
import { TasksTab } from './TasksTab';
import { Timeline } from './Timeline';

/** 项目详情: key figures and stage on top; timeline, permits, blockers, funds, agreements, contacts, history below. */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { label } = useDictionaries();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [project, setProject] = useState<Project | null>(null);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0); // bumps to reload the tabs after a change
  const language = i18n.language as UiLanguage;

  const load = useCallback(() => {
    api.get<Project>(`/api/projects/${id}`)
      .then((p) => {
        setProject(p);
        setMissing(false);
      })
      .catch((e) => isApiError(e) && (e.status === 404 || e.status === 400) && setMissing(true));
  }, [id]);
  useEffect(load, [load]);

  const changed = useCallback(() => {
    load();
    setVersion((v) => v + 1);
  }, [load]);
  const { move, dialogs } = useStageMove(changed);

  if (missing) return <Result status="404" title={t('detail.notFound')} extra={<Button onClick={() => navigate('/projects')}>{t('common.back')}</Button>} />;
  if (!project) return <Skeleton active />;

  const targets = project.stage === 'on_hold' || project.stage === 'dropped'
    ? (project.previousStage ? [project.previousStage] : [])
    : STAGES.filter((s) => s !== project.stage);

  return (
    <>
      <div className="zs-page-title">
        <Space orientation="vertical" size={2}>
          <Space wrap>
            <Typography.Title level={4} data-testid="project-name">{project.name}</Typography.Title>
            <Tag color="blue" data-testid="project-stage">{t(`stage.${project.stage}`)}</Tag>
            {project.confidential && <Tag color="purple">{t('fields.confidential')}</Tag>}
          </Space>
          <Typography.Text type="secondary">
            {project.code} · <Link to={`/companies/${project.companyId}`}>{project.companyName}</Link>
            {project.projectCode ? ` · ${t('fields.projectCode')} ${project.projectCode}` : ''}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button type="primary" icon={<FormOutlined />} onClick={() => navigate(`/visits/new?projectId=${project.id}&back=project`)}>{t('nav.logVisit')}</Button>
          <Dropdown menu={{ items: targets.map((s) => ({ key: s, label: t(`stage.${s}`) })), onClick: ({ key }) => void move(project, key as Project['stage']) }}>
            <Button data-testid="move-stage">{t('detail.moveStage')} <DownOutlined /></Button>
          </Dropdown>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
        </Space>
      </div>

      <div className="zs-kpi-grid" style={{ marginBottom: 16 }}>
        <Card size="small"><Statistic title={t('fields.totalInvestment')} value={formatWan(project.totalInvestment, language)} /></Card>
        <Card size="small"><Statistic title={t('fields.fixedAssetInvestment')} value={formatWan(project.fixedAssetInvestment, language)} /></Card>
        <Card size="small"><Statistic title={t('fields.landAreaMu')} value={project.landAreaMu ?? '—'} suffix={project.landAreaMu ? t('common.mu') : undefined} /></Card>
        <Card size="small"><Statistic title={t('fields.expectedAnnualOutput')} value={formatWan(project.expectedAnnualOutput, language)} /></Card>
        <Card size="small"><Statistic title={t('fields.stageEnteredAt')} value={formatDate(project.stageEnteredAt)} /></Card>
        <Card size="small">
          <Statistic title={t('fields.nextFollowUpAt')} value={formatDateTime(project.nextFollowUpAt)}
            styles={{ content: isPast(project.nextFollowUpAt) ? { color: '#cf1322' } : undefined }} />
        </Card>
      </div>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('fields.industry')}>{label('industries', project.industry)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.channel')}>{t(`channel.${project.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.originRegion')}>{label('regions', project.originRegion)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.owner')}><UserName id={project.ownerId} /></Descriptions.Item>
          <Descriptions.Item label={t('fields.leader')}><UserName id={project.leaderId} /></Descriptions.Item>
          {project.assistantIds.length > 0 && <Descriptions.Item label={t('fields.assistants')}><UserNames ids={project.assistantIds} /></Descriptions.Item>}
          <Descriptions.Item label={t('fields.expectedTax')}>{formatWan(project.expectedTax, language)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.expectedJobs')}>{project.expectedJobs ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.landDeliveredOn')}>{formatDate(project.landDeliveredOn)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.constructionStartedOn')}>{formatDate(project.constructionStartedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.productionStartedOn')}>{formatDate(project.productionStartedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.lastActivityAt')}>{formatDateTime(project.lastActivityAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small">
        <Tabs
          key={version}
          items={[
            { key: 'timeline', label: t('detail.timeline'), children: <Timeline project={project} /> },
            { key: 'tasks', label: t('detail.tasks'), children: <TasksTab project={project} onChange={changed} /> },
            { key: 'permits', label: t('detail.permits'), children: <MilestonesTab project={project} /> },
            { key: 'blockers', label: t('detail.blockers'), children: <BlockersTab project={project} /> },
            { key: 'agreements', label: t('detail.agreements'), children: <AgreementsTab project={project} /> },
            { key: 'funds', label: t('detail.funds'), children: <FundsTab project={project} /> },
            { key: 'contacts', label: t('detail.contacts'), children: <ContactsTab project={project} /> },
            { key: 'history', label: t('detail.history'), children: <HistoryTab project={project} /> },
          ]}
        />
      </Card>
      {dialogs}
      <ProjectFormModal
        open={editing}
        project={project}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('common.saved'));
          changed();
        }}
      />
    </>
  );
}
