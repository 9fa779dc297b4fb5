import { DatabaseOutlined } from '@ant-design/icons';
import { Button, Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useErrorToast } from '../../app/api-form';
import { useAuth } from '../../app/auth';
import { CalendarTab } from './CalendarTab';
import { DeletedTab } from './DeletedTab';
import { ImportTab } from './ImportTab';
import { RobotsTab } from './RobotsTab';
import { RulesTab } from './RulesTab';
import { UsersTab } from './UsersTab';

/** 系统管理: users and roles, reminder rules, robot webhooks, deleted records, import, the working-day calendar. */
export default function AdminPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const showError = useErrorToast();
  const [params, setParams] = useSearchParams();
  const admin = hasRole('admin');
  const tabs = [
    ...(admin ? [{ key: 'users', label: t('admin.users'), children: <UsersTab /> }] : []),
    ...(admin ? [{ key: 'rules', label: t('admin.rules'), children: <RulesTab /> }] : []),
    { key: 'robots', label: t('admin.robots'), children: <RobotsTab /> },
    ...(admin ? [{ key: 'deleted', label: t('admin.deleted'), children: <DeletedTab /> }] : []),
    { key: 'import', label: t('admin.import'), children: <ImportTab /> },
    ...(admin ? [{ key: 'calendar', label: t('admin.calendar'), children: <CalendarTab /> }] : []),
  ];
  const openQueues = async () => {
    try {
      const session = await api.post<{ url: string }>('/api/admin/queues/session');
      window.open(session.url, '_blank', 'noopener');
    } catch (error) {
      showError(error);
    }
  };
  return (
    <>
      <div className="zs-page-title">
        <Typography.Title level={4}>{t('admin.title')}</Typography.Title>
        {admin && <Button icon={<DatabaseOutlined />} onClick={() => void openQueues()}>{t('admin.queues')}</Button>}
      </div>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs activeKey={params.get('tab') ?? tabs[0]?.key} onChange={(tab) => setParams({ tab }, { replace: true })} items={tabs} destroyOnHidden />
      </Card>
    </>
  );
}
