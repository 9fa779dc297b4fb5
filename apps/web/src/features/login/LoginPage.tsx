import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useApiForm } from '../../app/api-form';
import { useAuth } from '../../app/auth';
import { LanguageSwitch } from '../../app/Layout';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginValues>();
  const { run, submitting, alert } = useApiForm(form);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (user) return <Navigate to={from} replace />;

  const submit = (values: LoginValues) =>
    run(async () => {
      await login(values.username.trim(), values.password);
      navigate(from, { replace: true });
    });

  return (
    <div className="zs-login">
      <Card className="zs-login-card">
        <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 16 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>{t('app.name')}</Typography.Title>
            <LanguageSwitch compact />
          </div>
          <Typography.Text type="secondary">{t('app.subtitle')} · {t('login.title')}</Typography.Text>
        </Space>
        {alert}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} size="large">{t('login.submit')}</Button>
        </Form>
        <Alert style={{ marginTop: 16 }} type="info" title={t('login.demoHint')} />
      </Card>
    </div>
  );
}
