import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CHANNELS, type Channel, type Lead } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useAuth } from '../../app/auth';
import { useParkTree } from '../../app/parks';
import { hasSeveralParks } from '../../lib/parks';
import { useDictionaries } from '../../app/dictionaries';
import { UserSelect } from '../../app/users';
import { toApiDate } from '../../lib/dates';

interface Values {
  title: string;
  companyName: string;
  creditCode?: string;
  contactName?: string;
  contactMobile?: string;
  industry: string;
  channel: Channel;
  referrer?: string;
  originRegion?: string;
  estimatedInvestment?: number | null;
  summary: string;
  receivedOn: Dayjs;
  assignToMe?: boolean;
  assigneeId?: string;
  parkId?: string;
}

/** 登记线索: whoever hears of a tip logs it in one short form (officers may take it on themselves). */
export function IntakeModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (lead: Lead) => void }) {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const { options } = useDictionaries();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, submitting, alert, setFormErrors } = useApiForm(form, { aliases: {} });
  const manager = hasRole('manager', 'admin');
  const parks = useParkTree();
  const parkId = Form.useWatch('parkId', form) ?? user?.parkId;

  useEffect(() => {
    if (open) {
      setFormErrors([]);
      form.resetFields();
    }
  }, [open, form, setFormErrors]);

  const submit = (values: Values) =>
    run(async () => {
      const { assignToMe, ...rest } = values;
      const body: Record<string, unknown> = {
        ...rest,
        receivedOn: toApiDate(values.receivedOn),
        assigneeId: manager ? values.assigneeId : assignToMe ? user?.id : undefined,
      };
      for (const [key, value] of Object.entries(body)) {
        if (typeof value === 'string') body[key] = value.trim();
        if (body[key] === '' || body[key] === null || body[key] === undefined) delete body[key];
      }
      const lead = await api.post<Lead>('/api/leads', body);
      void message.success(t('leads.created'));
      onSaved(lead);
    });

  return (
    <Modal open={open} title={t('leads.intake')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submitting}
      okText={t('common.submit')} width={640} destroyOnHidden forceRender>
      {alert}
      <Form form={form} layout="vertical" onFinish={submit} className="zs-compact-form" data-testid="intake-form"
        initialValues={{ receivedOn: dayjs(), channel: 'door_knocking', assignToMe: !manager }}>
        <Form.Item name="title" label={t('leads.fields.title')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        <div className="zs-form-row">
          <Form.Item name="companyName" label={t('leads.fields.companyName')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="creditCode" label={t('leads.fields.creditCode')}><Input maxLength={32} /></Form.Item>
          <Form.Item name="industry" label={t('fields.industry')} rules={[{ required: true }]}>
            <Select options={options('industries')} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="channel" label={t('fields.channel')} rules={[{ required: true }]}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="contactName" label={t('leads.fields.contactName')}><Input maxLength={100} /></Form.Item>
          <Form.Item name="contactMobile" label={t('leads.fields.contactMobile')}><Input maxLength={24} /></Form.Item>
          <Form.Item name="estimatedInvestment" label={`${t('leads.fields.estimatedInvestment')}（${t('common.wan')}）`}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="originRegion" label={t('fields.originRegion')}>
            <Select allowClear options={options('regions')} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="referrer" label={t('leads.fields.referrer')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="receivedOn" label={t('leads.fields.receivedOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </div>
        <Form.Item name="summary" label={t('leads.fields.summary')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        {manager ? (
          <div className="zs-form-row">
            {hasSeveralParks(parks.nodes) && (
              <Form.Item name="parkId" label={t('fields.park')} tooltip={t('leads.parkHint')}>
                <TreeSelect treeDefaultExpandAll treeData={parks.tree} placeholder={parks.name(user?.parkId ?? null)}
                  onChange={() => form.setFieldValue('assigneeId', undefined)} />
              </Form.Item>
            )}
            <Form.Item name="assigneeId" label={t('leads.assignee')}><UserSelect roles={['officer', 'leader', 'manager']} forPark={parkId} /></Form.Item>
          </div>
        ) : (
          <Form.Item name="assignToMe" valuePropName="checked"><Checkbox>{t('leads.assignToMe')}</Checkbox></Form.Item>
        )}
      </Form>
    </Modal>
  );
}
