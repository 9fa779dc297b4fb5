import { Badge, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { NotificationList, useNotificationsChanged, useOpenNotification } from '../../app/NotificationBell';
import { useCursorList } from '../../app/use-cursor-list';
import type { Notification } from '../../api/types';

/** The workbench's latest notifications. */
export function RecentNotifications() {
  const { t } = useTranslation();
  const list = useCursorList<Notification>('/api/notifications', {}, 8);
  const open = useOpenNotification();
  useNotificationsChanged(list.reload);
  return (
    <Card size="small" title={<Badge color="purple" text={t('workbench.recentNotifications')} />}
      extra={list.hasMore ? <Button size="small" type="link" onClick={list.loadMore}>{t('common.more')}</Button> : null}>
      <NotificationList items={list.items} onOpen={(n) => void open(n)} />
    </Card>
  );
}
