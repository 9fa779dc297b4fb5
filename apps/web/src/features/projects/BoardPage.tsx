import { UnorderedListOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Space, Spin, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { STAGES, type Project, type Stage } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useCursorList } from '../../app/use-cursor-list';
import { UserName } from '../../app/users';
import { formatWan, type UiLanguage } from '../../lib/format';
import { useStageMove } from './stage-move';

const STAGE_COLORS: Record<Stage, string> = {
  intention: '#8c8c8c', negotiation: '#1677ff', agreement: '#13c2c2', contract: '#2f54eb', land_delivered: '#fa8c16',
  construction: '#d46b08', production: '#52c41a', on_hold: '#bfbfbf', dropped: '#ff4d4f',
};

/** The pipeline as a kanban: a column per stage (each paged from the server); dropping a card moves the project. */
export default function BoardPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(hasRole('officer'));
  const [refresh, setRefresh] = useState<Record<string, number>>({});
  const dragged = useRef<Project | null>(null);
  const board = useRef<HTMLDivElement>(null);

  const onMoved = useCallback((project: Project, from: Stage) => {
    setRefresh((r) => ({ ...r, [from]: (r[from] ?? 0) + 1, [project.stage]: (r[project.stage] ?? 0) + 1 }));
  }, []);
  const { move, dialogs } = useStageMove(onMoved);
  const filters = { q: q || undefined, ownerId: mine ? 'me' : undefined };

  return (
    <>
      <div className="zs-page-title">
        <Typography.Title level={4}>{t('nav.board')}</Typography.Title>
        <Space wrap>
          <Input.Search allowClear placeholder={t('projects.searchPlaceholder')} onSearch={setQ} style={{ width: 240 }} />
          <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>{t('projects.mineOnly')}</Checkbox>
          <Link to="/projects"><Button icon={<UnorderedListOutlined />}>{t('projects.table')}</Button></Link>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('projects.dragHint')}</Typography.Paragraph>
      <div
        className="zs-board"
        data-testid="board"
        ref={board}
        onDragOver={(e) => {
          // scroll the board sideways while a card is held near its left or right edge (the later stages are off screen)
          const el = board.current;
          if (!el || !dragged.current) return;
          const { left, right } = el.getBoundingClientRect();
          if (e.clientX > right - 60) el.scrollLeft += 24;
          else if (e.clientX < left + 60) el.scrollLeft -= 24;
        }}
      >
        {STAGES.map((stage) => (
          <Column key={stage} stage={stage} filters={filters} refresh={refresh[stage] ?? 0} dragged={dragged} onDrop={(p) => void move(p, stage)} />
        ))}
      </div>
      {dialogs}
    </>
  );
}

interface ColumnProps {
  stage: Stage;
  filters: Record<string, string | undefined>;
  refresh: number;
  dragged: React.MutableRefObject<Project | null>;
  onDrop: (project: Project) => void;
}

function Column({ stage, filters, refresh, dragged, onDrop }: ColumnProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useCursorList<Project>('/api/projects', { ...filters, stage }, 20, refresh);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`zs-board-column${over ? ' zs-drop-target' : ''}`}
      data-testid={`column-${stage}`}
      onDragOver={(e) => {
        if (!dragged.current || dragged.current.stage === stage) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const project = dragged.current;
        dragged.current = null;
        if (project && project.stage !== stage) onDrop(project);
      }}
    >
      <div className="zs-board-column-head">
        <span style={{ color: STAGE_COLORS[stage] }}>{t(`stage.${stage}`)}</span>
        <span className="zs-muted">{list.items.length}{list.hasMore ? '+' : ''}</span>
      </div>
      <div className="zs-board-cards">
      {list.loading && list.items.length === 0 && <Spin size="small" style={{ display: 'block', margin: 12 }} />}
      {list.items.map((project) => (
        <div
          key={project.id}
          className="zs-board-card"
          style={{ borderLeftColor: STAGE_COLORS[stage] }}
          draggable
          data-testid="board-card"
          data-project-id={project.id}
          onDragStart={(e) => {
            dragged.current = project;
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', project.id);
          }}
          onDragEnd={() => setOver(false)}
          onClick={() => navigate(`/projects/${project.id}`)}
        >
          <div className="zs-board-card-name">{project.name}</div>
          <div className="zs-board-card-meta">
            <span>{formatWan(project.totalInvestment, i18n.language as UiLanguage)}</span>
            <span><UserName id={project.ownerId} /></span>
          </div>
        </div>
      ))}
      {list.hasMore && (
        <Button size="small" block type="text" onClick={list.loadMore} loading={list.loading}>{t('common.loadMore')}</Button>
      )}
      </div>
    </div>
  );
}
