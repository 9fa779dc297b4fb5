import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Notification, Page } from '../api/types';
import { formatDateTime } from '../lib/dates';

const listeners = new Set<() => void>();
/** Something read a notification: the bell and the workbench refresh. */
export function notificationsChanged(): void {
  listeners.forEach((listener) => listener());
}
export function useNotificationsChanged(listener: () => void): void {
  useEffect(() => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [listener]);
}

/** Opens what a notification is about, marking it read. */
export function useOpenNotification() {
  const navigate = useNavigate();
  return useCallback(
    async (n: Notification) => {
      if (!n.readAt) {
        await api.post(`/api/notifications/${n.id}/read`).catch(() => undefined);
        notificationsChanged();
      }
      if (n.projectId) navigate(`/projects/${n.projectId}`);
      else if (n.subjectType === 'lead') navigate('/leads');
    },
    [navigate],
  );
}

export function NotificationList({ items, onOpen }: { items: Notification[]; onOpen: (n: Notification) => void }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={items}
      locale={{ emptyText: t('header.noNotifications') }}
      renderItem={(n) => (
        <List.Item onClick={() => onOpen(n)} style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}>
          <List.Item.Meta
            avatar={<Badge status={n.readAt ? 'default' : n.level >= 1 ? 'error' : 'processing'} />}
            title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
            description={
              <div>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }} title={n.body}>{n.body}</Typography.Paragraph>
                <span className="zs-muted" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</span>
              </div>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** The header's bell: the unread count (polled each minute) and the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[]>([]);
  const openNotification = useOpenNotification();

  const refresh = useCallback(() => {
    api.get<{ count: number }>('/api/notifications/unread-count').then((r) => setCount(r.count)).catch(() => undefined);
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 60_000);
    return () => clearInterval(timer);
  }, [refresh]);
  useNotificationsChanged(refresh);
  useEffect(() => {
    if (open) api.get<Page<Notification>>('/api/notifications', { limit: 10 }).then((p) => setItems(p.items)).catch(() => undefined);
  }, [open, count]);

  const readAll = async () => {
    await api.post('/api/notifications/read-all').catch(() => undefined);
    notificationsChanged();
  };

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{t('header.notifications')}</span>
          {count > 0 && <Button size="small" type="link" onClick={() => void readAll()}>{t('header.readAll')}</Button>}
        </Space>
      }
      content={
        <div style={{ width: 340, maxWidth: '80vw', maxHeight: 420, overflow: 'auto' }}>
          <NotificationList items={items} onOpen={(n) => { setOpen(false); void openNotification(n); }} />
        </div>
      }
    >
      <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={t('header.notifications')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
