import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Company } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useDictionaries } from '../../app/dictionaries';

interface Values {
  name: string;
  creditCode?: string;
  country: string;
  province?: string;
  city?: string;
  industry: string;
  size?: string;
  listed?: boolean;
  website?: string;
  registeredCapital?: number | null;
}

interface Props {
  open: boolean;
  company?: Company | null;
  onClose: () => void;
  onSaved: (company: Company) => void;
}

/** New company (客商) or an edit of one; the credit code's check character is verified by the API. */
export function CompanyFormModal({ open, company, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useDictionaries();
  const [form] = Form.useForm<Values>();
  const { run, submitting, alert, setFormErrors } = useApiForm(form);

  useEffect(() => {
    if (!open) return;
    setFormErrors([]);
    form.resetFields();
    if (company) {
      form.setFieldsValue({
        ...company,
        creditCode: company.creditCode ?? undefined,
        province: company.province ?? undefined,
        city: company.city ?? undefined,
        size: company.size ?? undefined,
        website: company.website ?? undefined,
      });
    } else form.setFieldsValue({ country: 'CN', listed: false });
  }, [open, company, form, setFormErrors]);

  const submit = (values: Values) =>
    run(async () => {
      const body: Record<string, unknown> = { ...values, country: values.country?.trim().toUpperCase() };
      for (const [key, value] of Object.entries(body)) {
        if (typeof value === 'string') body[key] = value.trim();
        if (body[key] === '' || body[key] === undefined) {
          if (company) body[key] = key === 'name' || key === 'country' || key === 'industry' ? undefined : null;
          else delete body[key];
        }
      }
      const saved = company
        ? await api.patch<Company>(`/api/companies/${company.id}`, { ...body, version: company.version })
        : await api.post<Company>('/api/companies', body);
      onSaved(saved);
    });

  return (
    <Modal open={open} title={company ? `${t('common.edit')} · ${company.name}` : t('companies.create')} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={submitting} okText={t('common.save')} width={640} destroyOnHidden forceRender>
      {alert}
      <Form form={form} layout="vertical" onFinish={submit} className="zs-compact-form" data-testid="company-form">
        <Form.Item name="name" label={t('companies.fields.name')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <div className="zs-form-row">
          <Form.Item name="creditCode" label={t('companies.fields.creditCode')}>
            <Input maxLength={40} placeholder="91510700MA62XXXXXX" data-testid="credit-code" />
          </Form.Item>
          <Form.Item name="industry" label={t('companies.fields.industry')} rules={[{ required: true }]}>
            <Select options={options('industries')} showSearch={{ optionFilterProp: 'label' }} data-testid="company-industry" />
          </Form.Item>
          <Form.Item name="country" label={t('companies.fields.country')} rules={[{ required: true }]}>
            <Input maxLength={2} placeholder="CN" />
          </Form.Item>
          <Form.Item name="province" label={t('companies.fields.province')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="city" label={t('companies.fields.city')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="size" label={t('companies.fields.size')}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="website" label={t('companies.fields.website')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="registeredCapital" label={`${t('companies.fields.registeredCapital')}（${t('common.wan')}）`}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="listed" valuePropName="checked">
          <Checkbox>{t('companies.fields.listed')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
