import { BulbOutlined, EditOutlined } from '@ant-design/icons';
import { Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Project, Task } from '../../api/types';
import { useMe } from '../../app/auth';
import { useCursorList } from '../../app/use-cursor-list';
import { formatDateTime, isPast, isToday } from '../../lib/dates';
import { formatWan, type UiLanguage } from '../../lib/format';
import { RecentNotifications } from './RecentNotifications';
import { TaskList } from './TaskList';

/** 工作台: the officer's home — overdue and due-today follow-ups, what comes next, my projects by next follow-up. */
export default function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const overdue = useCursorList<Task>('/api/tasks', { assigneeId: 'me', status: 'overdue', sort: 'dueAt' }, 20);
  // `open` means not done (overdue ones included): the page is split into due today and coming up
  const open = useCursorList<Task>('/api/tasks', { assigneeId: 'me', status: 'open', sort: 'dueAt' }, 50);
  // ordered and paged by the server: soonest follow-up first, projects without one last
  const projects = useCursorList<Project>('/api/projects', { ownerId: 'me', sort: 'nextFollowUpAt' }, 20);

  const notOverdue = open.items.filter((task) => !isPast(task.dueAt));
  const dueToday = notOverdue.filter((task) => isToday(task.dueAt));
  const upcoming = notOverdue.filter((task) => !isToday(task.dueAt));
  const onDone = (task: Task) => {
    overdue.update(task.id, null);
    open.update(task.id, null);
  };

  return (
    <>
      <div className="zs-page-title">
        <Typography.Title level={4}>{t('workbench.greeting', { name: me.displayName })}</Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<EditOutlined />} onClick={() => navigate('/visits/new')}>{t('workbench.logVisit')}</Button>
          <Button icon={<BulbOutlined />} onClick={() => navigate('/leads?intake=1')}>{t('workbench.newLead')}</Button>
        </Space>
      </div>
      <div className="zs-card-grid">
        <Card size="small" title={<Badge color="red" text={`${t('workbench.overdue')}`} />} extra={<Tag color="red">{overdue.items.length}{overdue.hasMore ? '+' : ''}</Tag>}>
          <TaskList testId="tasks-overdue" tasks={overdue.items} loading={overdue.loading} hasMore={overdue.hasMore} onMore={overdue.loadMore} onDone={onDone} overdue />
        </Card>
        <Card size="small" title={<Badge color="orange" text={t('workbench.dueToday')} />} extra={<Tag color="orange">{dueToday.length}</Tag>}>
          <TaskList testId="tasks-today" tasks={dueToday} loading={open.loading} onDone={onDone} />
        </Card>
        <Card size="small" title={<Badge color="blue" text={t('workbench.upcoming')} />}>
          <TaskList testId="tasks-upcoming" tasks={upcoming} loading={open.loading} hasMore={open.hasMore} onMore={open.loadMore} onDone={onDone} />
        </Card>
      </div>
      <div className="zs-workbench-bottom">
      <Card size="small" title={t('workbench.myProjects')}>
        <List
          data-testid="my-projects"
          size="small"
          loading={projects.loading && projects.items.length === 0}
          dataSource={projects.items}
          locale={{ emptyText: t('common.noData') }}
          loadMore={projects.hasMore ? <div style={{ textAlign: 'center' }}><Button size="small" onClick={projects.loadMore}>{t('common.loadMore')}</Button></div> : null}
          renderItem={(p) => (
            <List.Item extra={<Tag bordered={false} color="blue">{t(`stage.${p.stage}`)}</Tag>}>
              <List.Item.Meta
                title={<Link to={`/projects/${p.id}`}>{p.name}</Link>}
                description={
                  <span>
                    {t('fields.nextFollowUpAt')}{t('common.colon')}
                    <span className={isPast(p.nextFollowUpAt) ? 'zs-overdue' : undefined}>
                      {p.nextFollowUpAt ? formatDateTime(p.nextFollowUpAt) : t('workbench.noFollowUp')}
                    </span>
                    <span className="zs-muted"> · {formatWan(p.totalInvestment, i18n.language as UiLanguage)}</span>
                  </span>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <RecentNotifications />
      </div>
    </>
  );
}
