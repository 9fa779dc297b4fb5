import { CheckOutlined } from '@ant-design/icons';
import { App, Button, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Task } from '../../api/types';
import { useErrorToast } from '../../app/api-form';
import { formatDateTime } from '../../lib/dates';

interface Props {
  tasks: Task[];
  loading: boolean;
  hasMore?: boolean;
  onMore?: () => void;
  onDone: (task: Task) => void;
  overdue?: boolean;
  testId: string;
}

export function TaskList({ tasks, loading, hasMore, onMore, onDone, overdue, testId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const complete = async (task: Task) => {
    try {
      const done = await api.post<Task>(`/api/tasks/${task.id}/done`);
      void message.success(t('workbench.taskDone'));
      onDone(done);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <List
      data-testid={testId}
      size="small"
      loading={loading && tasks.length === 0}
      dataSource={tasks}
      locale={{ emptyText: t('workbench.noTasks') }}
      loadMore={hasMore ? <div style={{ textAlign: 'center', marginTop: 8 }}><Button size="small" onClick={onMore} loading={loading}>{t('common.loadMore')}</Button></div> : null}
      renderItem={(task) => (
        <List.Item
          actions={[<Button key="done" size="small" icon={<CheckOutlined />} onClick={() => void complete(task)}>{t('workbench.done')}</Button>]}
        >
          <List.Item.Meta
            title={<Link to={`/projects/${task.projectId}`}>{task.projectName ?? task.projectCode ?? task.projectId}</Link>}
            description={
              <span>
                <Typography.Text className={overdue ? 'zs-overdue' : undefined}>{formatDateTime(task.dueAt)}</Typography.Text>
                <span className="zs-muted"> · {task.title}</span>
              </span>
            }
          />
        </List.Item>
      )}
    />
  );
}
