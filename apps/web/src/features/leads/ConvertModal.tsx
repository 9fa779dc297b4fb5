import { App, Divider, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { CHANNELS, type ConvertLeadResult, type Lead } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useDictionaries } from '../../app/dictionaries';
import { UserSelect } from '../../app/users';
import { CompanySelect } from '../companies/CompanySelect';

interface Values {
  companyMode: 'new' | 'existing';
  companyId?: string;
  company?: { name?: string; creditCode?: string; country?: string; industry?: string; province?: string; city?: string };
  contact?: { name?: string; mobile?: string; title?: string };
  project?: { name?: string; industry?: string; channel?: string; totalInvestment?: number; ownerId?: string; leaderId?: string };
}

const clean = (value: Record<string, unknown> | undefined) => {
  if (!value) return undefined;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]).filter(([, v]) => v !== '' && v !== undefined && v !== null));
  return Object.keys(out).length ? out : undefined;
};

/** One dialog: a pursued lead becomes company (new or existing) + contact + project (POST /api/leads/:id/convert). */
export function ConvertModal({ open, lead, suggestedCompanyId, onClose, onConverted }: {
  open: boolean;
  lead: Lead;
  /** a company the duplicate check found: offered instead of creating the same company twice */
  suggestedCompanyId?: string;
  onClose: () => void;
  onConverted: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const { options } = useDictionaries();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, submitting, alert, setFormErrors } = useApiForm(form);
  const existingId = lead.companyId ?? suggestedCompanyId;
  const [mode, setMode] = useState<'new' | 'existing'>(existingId ? 'existing' : 'new');

  useEffect(() => {
    if (!open) return;
    setFormErrors([]);
    form.resetFields();
    const initialMode = existingId ? 'existing' : 'new';
    setMode(initialMode);
    form.setFieldsValue({
      companyMode: initialMode,
      companyId: existingId,
      company: { name: lead.companyName, creditCode: lead.creditCode ?? undefined, country: 'CN', industry: lead.industry },
      contact: { name: lead.contactName ?? undefined, mobile: lead.contactMobile ?? undefined },
      project: { name: lead.title, industry: lead.industry, channel: lead.channel, totalInvestment: lead.estimatedInvestment ?? 0, ownerId: lead.assigneeId ?? undefined },
    });
  }, [open, lead, existingId, form, setFormErrors]);

  const submit = (values: Values) =>
    run(async () => {
      const result = await api.post<ConvertLeadResult>(`/api/leads/${lead.id}/convert`, {
        companyId: values.companyMode === 'existing' ? values.companyId : undefined,
        company: values.companyMode === 'new' ? clean(values.company) : undefined,
        contact: clean(values.contact),
        project: clean(values.project),
      });
      void message.success(t('leads.converted'));
      onConverted({ ...lead, status: 'converted', projectId: result.project.id });
      navigate(`/projects/${result.project.id}`);
    });

  return (
    <Modal open={open} title={t('leads.convertTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submitting}
      okText={t('leads.convert')} width={720} destroyOnHidden forceRender>
      {alert}
      <Form form={form} layout="vertical" onFinish={submit} className="zs-compact-form" data-testid="convert-form">
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>{t('leads.companySection')}</Divider>
        <Form.Item name="companyMode">
          <Radio.Group optionType="button" onChange={(e) => setMode(e.target.value)}
            options={[{ value: 'new', label: t('leads.newCompany') }, { value: 'existing', label: t('leads.useExistingCompany') }]} />
        </Form.Item>
        {mode === 'existing' ? (
          <Form.Item name="companyId" label={t('fields.company')} rules={[{ required: true }]}><CompanySelect /></Form.Item>
        ) : (
          <div className="zs-form-row">
            <Form.Item name={['company', 'name']} label={t('companies.fields.name')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
            <Form.Item name={['company', 'creditCode']} label={t('companies.fields.creditCode')}><Input maxLength={40} /></Form.Item>
            <Form.Item name={['company', 'industry']} label={t('companies.fields.industry')}>
              <Select options={options('industries')} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name={['company', 'country']} label={t('companies.fields.country')}><Input maxLength={2} /></Form.Item>
            <Form.Item name={['company', 'province']} label={t('companies.fields.province')}><Input maxLength={50} /></Form.Item>
            <Form.Item name={['company', 'city']} label={t('companies.fields.city')}><Input maxLength={50} /></Form.Item>
          </div>
        )}
        <Divider titlePlacement="start">{t('leads.contactSection')}</Divider>
        <div className="zs-form-row" style={{ gridTemplateColumns: 'repeat(3, 1fr)' }}>
          <Form.Item name={['contact', 'name']} label={t('companies.contact.name')}><Input maxLength={100} /></Form.Item>
          <Form.Item name={['contact', 'title']} label={t('companies.contact.title')}><Input maxLength={100} /></Form.Item>
          <Form.Item name={['contact', 'mobile']} label={t('companies.contact.mobile')}><Input maxLength={32} /></Form.Item>
        </div>
        <Divider titlePlacement="start">{t('leads.projectSection')}</Divider>
        <Form.Item name={['project', 'name']} label={t('fields.name')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        <div className="zs-form-row">
          <Form.Item name={['project', 'industry']} label={t('fields.industry')}>
            <Select options={options('industries')} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name={['project', 'channel']} label={t('fields.channel')}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name={['project', 'totalInvestment']} label={`${t('fields.totalInvestment')}（${t('common.wan')}）`}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['project', 'ownerId']} label={t('fields.owner')}><UserSelect forPark={lead.parkId} /></Form.Item>
          <Form.Item name={['project', 'leaderId']} label={t('fields.leader')}><UserSelect roles={['leader', 'manager']} forPark={lead.parkId} /></Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
