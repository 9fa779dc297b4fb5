import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Form, Input, List, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { MyChannels, RobotKind } from '../api/types';
import { useApiForm } from './api-form';

interface HookValues {
  id?: string;
  kind: RobotKind;
  name?: string | null;
  url?: string;
  maskedUrl?: string;
  secret?: string;
  enabled?: boolean;
}

/** 我的提醒渠道: email on or off and the user's own group-robot webhooks (PUT /api/me/channels). */
export function MyChannelsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [channels, setChannels] = useState<MyChannels | null>(null);
  const [form] = Form.useForm<{ emailEnabled: boolean; webhooks: HookValues[] }>();
  const { run, submitting, alert, setFormErrors } = useApiForm(form);

  useEffect(() => {
    if (!open) return;
    setFormErrors([]);
    api.get<MyChannels>('/api/me/channels').then((c) => {
      setChannels(c);
      form.setFieldsValue({
        emailEnabled: c.emailEnabled,
        webhooks: c.webhooks.map((h) => ({ id: h.id, kind: h.kind, name: h.name, maskedUrl: h.url, enabled: h.enabled })),
      });
    }).catch(() => undefined);
  }, [open, form, setFormErrors]);

  const save = (values: { emailEnabled: boolean; webhooks?: HookValues[] }) =>
    run(async () => {
      await api.request('PUT', '/api/me/channels', {
        body: {
          emailEnabled: values.emailEnabled,
          webhooks: (values.webhooks ?? []).map((h) => ({
            id: h.id,
            kind: h.kind,
            url: h.url?.trim() || undefined,
            secret: h.secret?.trim() || undefined,
            name: h.name?.trim() || null,
            enabled: h.enabled ?? true,
          })),
        },
      });
      void message.success(t('common.saved'));
      onClose();
    });

  return (
    <Modal open={open} title={t('header.channels')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submitting} width={640} destroyOnHidden forceRender>
      {alert}
      {channels && (
        <Typography.Paragraph type="secondary">
          {t('channels.active')}{t('common.colon')}{[t('channels.inApp'), ...channels.activeChannels.map((c) => t(`admin.channel.${c as RobotKind}`))].join('、')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={save} className="zs-compact-form">
        <Form.Item name="emailEnabled" label={`${t('admin.channel.email')}${channels?.email ? `（${channels.email}）` : ''}`} valuePropName="checked"
          extra={channels && !channels.emailAvailable ? t('channels.noSmtp') : undefined}>
          <Switch disabled={!channels?.email} />
        </Form.Item>
        <Divider titlePlacement="start" style={{ margin: '8px 0' }}>{t('channels.myRobots')}</Divider>
        <Form.List name="webhooks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }}>
                  <div className="zs-form-row" style={{ gridTemplateColumns: '120px 1fr auto' }}>
                    <Form.Item name={[field.name, 'kind']} label={t('admin.robotKind')} rules={[{ required: true }]}>
                      <Select options={(['wecom', 'dingtalk', 'feishu'] as const).map((k) => ({ value: k, label: t(`admin.channel.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} label={t('common.name')}><Input maxLength={100} /></Form.Item>
                    <Space align="end" style={{ paddingBottom: 10 }}>
                      <Form.Item name={[field.name, 'enabled']} valuePropName="checked" noStyle><Switch size="small" /></Form.Item>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                    </Space>
                  </div>
                  <div className="zs-form-row">
                    <Form.Item name={[field.name, 'url']} label="Webhook URL"
                      extra={form.getFieldValue(['webhooks', field.name, 'maskedUrl']) ? <code style={{ fontSize: 11 }}>{form.getFieldValue(['webhooks', field.name, 'maskedUrl'])}</code> : undefined}>
                      <Input maxLength={1000} placeholder={form.getFieldValue(['webhooks', field.name, 'id']) ? t('channels.keepUrl') : 'https://…'} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'secret']} label={t('admin.secret')}><Input.Password maxLength={200} autoComplete="off" /></Form.Item>
                  </div>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'wecom', enabled: true })}>{t('admin.newRobot')}</Button>
            </>
          )}
        </Form.List>
        {channels && channels.teamWebhooks.length > 0 && (
          <>
            <Divider titlePlacement="start" style={{ margin: '12px 0 8px' }}>{t('channels.teamRobots')}</Divider>
            <List size="small" dataSource={channels.teamWebhooks}
              renderItem={(h) => <List.Item><Tag>{t(`admin.channel.${h.kind}`)}</Tag>{h.name ?? h.url}{!h.enabled && <Tag>{t('admin.disabled')}</Tag>}</List.Item>} />
          </>
        )}
        {channels && channels.activeChannels.length === 0 && <Alert type="info" showIcon title={t('channels.inAppOnly')} style={{ marginTop: 8 }} />}
      </Form>
    </Modal>
  );
}
