import {
  AppstoreOutlined, BankOutlined, BellOutlined, BulbOutlined, DashboardOutlined, EditOutlined, HomeOutlined, LogoutOutlined,
  MenuOutlined, ProjectOutlined, SettingOutlined, UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout as AntLayout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { applyLanguage, LANGUAGES } from '../i18n/i18n';
import type { UiLanguage } from '../lib/format';
import { useAuth, useMe } from './auth';
import { MyChannelsModal } from './MyChannelsModal';
import { NotificationBell } from './NotificationBell';
import { PageLoading } from './PageLoading';

const { Header, Sider, Content } = AntLayout;

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      data-testid="language-switch"
      value={i18n.language}
      onChange={(value) => void applyLanguage(value as UiLanguage)}
      options={LANGUAGES.map((l) => ({ value: l.key, label: compact ? (l.key === 'en' ? 'EN' : '中') : l.label }))}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout, hasRole } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [channelsOpen, setChannelsOpen] = useState(false);

  const items: { key: string; icon: ReactNode; label: ReactNode; show: boolean }[] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.workbench'), show: true },
    { key: '/visits/new', icon: <EditOutlined />, label: t('nav.logVisit'), show: true },
    { key: '/leads', icon: <BulbOutlined />, label: t('nav.leads'), show: true },
    { key: '/projects', icon: <ProjectOutlined />, label: t('nav.projects'), show: true },
    { key: '/projects/board', icon: <AppstoreOutlined />, label: t('nav.board'), show: true },
    { key: '/companies', icon: <BankOutlined />, label: t('nav.companies'), show: true },
    { key: '/cockpit', icon: <DashboardOutlined />, label: t('nav.cockpit'), show: hasRole('manager', 'admin', 'leader') },
    { key: '/admin', icon: <SettingOutlined />, label: t('nav.admin'), show: hasRole('admin', 'manager') },
  ];
  const menuItems = items.filter((i) => i.show).map(({ key, icon, label }) => ({ key, icon, label: <Link to={key}>{label}</Link> }));
  const selected = [...items].filter((i) => i.show).sort((a, b) => b.key.length - a.key.length)
    .find((i) => (i.key === '/' ? location.pathname === '/' : location.pathname === i.key || location.pathname.startsWith(`${i.key}/`)))?.key;

  const logo = (
    <div className="zs-logo" onClick={() => navigate('/')}>
      <span className="zs-logo-mark">招</span>
      <span className="zs-logo-text">{t('app.name')}</span>
    </div>
  );
  const menu = (
    <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={menuItems} onClick={() => setDrawerOpen(false)} />
  );

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={220} closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}>
          {logo}
          {menu}
        </Drawer>
      ) : (
        <Sider width={200} collapsedWidth={64} breakpoint="lg" collapsible trigger={null} style={{ position: 'sticky', top: 0, height: '100vh' }}>
          {logo}
          {menu}
        </Sider>
      )}
      <AntLayout>
        <Header className="zs-header">
          <Space size={4} style={{ minWidth: 0 }}>
            {mobile && <Button type="text" icon={<MenuOutlined />} aria-label="menu" data-testid="nav-toggle" onClick={() => setDrawerOpen(true)} />}
            <Typography.Text strong className="zs-header-title">{mobile ? t('app.name') : t('app.subtitle')}</Typography.Text>
          </Space>
          <Space size={mobile ? 8 : 16} align="center">
            <NotificationBell />
            <LanguageSwitch compact={mobile} />
            <Dropdown
              menu={{
                items: [
                  { key: 'role', label: t(`role.${me.role}`), disabled: true },
                  { key: 'channels', icon: <BellOutlined />, label: t('header.channels'), onClick: () => setChannelsOpen(true) },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), onClick: () => { logout(); navigate('/login'); } },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu" style={{ paddingInline: 4 }}>
                <UserOutlined />
                <span>{me.displayName}</span>
                {!mobile && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t(`role.${me.role}`)}</Tag>}
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content className="zs-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </AntLayout>
      <MyChannelsModal open={channelsOpen} onClose={() => setChannelsOpen(false)} />
    </AntLayout>
  );
}
