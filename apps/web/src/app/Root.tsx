import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import { DictionaryProvider } from './dictionaries';
import { AppLayout } from './Layout';
import { PageLoading } from './PageLoading';

// One chunk per screen area (React.lazy): the login page does not load the cockpit's ECharts.
const LoginPage = lazy(() => import('../features/login/LoginPage'));
const WorkbenchPage = lazy(() => import('../features/workbench/WorkbenchPage'));
const LogVisitPage = lazy(() => import('../features/workbench/LogVisitPage'));
const LeadsPage = lazy(() => import('../features/leads/LeadsPage'));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage'));
const BoardPage = lazy(() => import('../features/projects/BoardPage'));
const ProjectDetailPage = lazy(() => import('../features/project-detail/ProjectDetailPage'));
const CompaniesPage = lazy(() => import('../features/companies/CompaniesPage'));
const CompanyDetailPage = lazy(() => import('../features/companies/CompanyDetailPage'));
const CockpitPage = lazy(() => import('../features/cockpit/CockpitPage'));
const AdminPage = lazy(() => import('../features/admin/AdminPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, checking } = useAuth();
  const location = useLocation();
  if (checking) return <PageLoading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <DictionaryProvider>{children}</DictionaryProvider>;
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('errors.notFound')} />;
}

const router = createBrowserRouter([
  { path: '/login', element: <Suspense fallback={<PageLoading />}><LoginPage /></Suspense> },
  {
    path: '/',
    element: <RequireAuth><AppLayout /></RequireAuth>,
    children: [
      { index: true, element: <WorkbenchPage /> },
      { path: 'visits/new', element: <LogVisitPage /> },
      { path: 'leads', element: <LeadsPage /> },
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'projects/board', element: <BoardPage /> },
      { path: 'projects/:id', element: <ProjectDetailPage /> },
      { path: 'companies', element: <CompaniesPage /> },
      { path: 'companies/:id', element: <CompanyDetailPage /> },
      { path: 'cockpit', element: <CockpitPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
