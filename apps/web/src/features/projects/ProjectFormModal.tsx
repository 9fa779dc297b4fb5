import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CHANNELS, type Channel, type Project } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useMe } from '../../app/auth';
import { useDictionaries } from '../../app/dictionaries';
import { useParkTree } from '../../app/parks';
import { hasSeveralParks } from '../../lib/parks';
import { UserSelect } from '../../app/users';
import { toApiDate } from '../../lib/dates';
import { formBody } from '../../lib/form-body';
import { CompanySelect } from '../companies/CompanySelect';

interface Values {
  name: string;
  companyId: string;
  industry: string;
  channel: Channel;
  originRegion?: string;
  totalInvestment: number;
  fixedAssetInvestment?: number | null;
  landAreaMu?: number | null;
  expectedAnnualOutput?: number | null;
  expectedTax?: number | null;
  expectedJobs?: number | null;
  ownerId: string;
  leaderId?: string | null;
  parkId?: string;
  confidential?: boolean;
  projectCode?: string;
  phase?: string;
  landDeliveredOn?: Dayjs | null;
  constructionStartedOn?: Dayjs | null;
  productionStartedOn?: Dayjs | null;
}

interface Props {
  open: boolean;
  project?: Project | null;
  onClose: () => void;
  onSaved: (project: Project) => void;
}

const DATE_FIELDS = ['landDeliveredOn', 'constructionStartedOn', 'productionStartedOn'] as const;
/** Optional fields the edit form may clear: sent as null, which the API stores as NULL. */
const CLEARABLE = [
  'originRegion', 'fixedAssetInvestment', 'landAreaMu', 'expectedAnnualOutput', 'expectedTax', 'expectedJobs', 'leaderId', 'projectCode', 'phase',
  ...DATE_FIELDS,
] as const;

/** New project, or the edit of one (PATCH with the version read). */
export function ProjectFormModal({ open, project, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { options } = useDictionaries();
  const [form] = Form.useForm<Values>();
  const { run, submitting, alert, setFormErrors } = useApiForm(form);
  const parks = useParkTree();
  // the people offered must be able to hold a record of the project's park (the API checks the same)
  const parkId = Form.useWatch('parkId', form) ?? project?.parkId ?? me.parkId;
  const choosePark = !project && hasSeveralParks(parks.nodes);

  useEffect(() => {
    if (!open) return;
    setFormErrors([]);
    form.resetFields();
    if (project) {
      form.setFieldsValue({
        ...project,
        originRegion: project.originRegion ?? undefined,
        projectCode: project.projectCode ?? undefined,
        phase: project.phase ?? undefined,
        landDeliveredOn: project.landDeliveredOn ? dayjs(project.landDeliveredOn) : null,
        constructionStartedOn: project.constructionStartedOn ? dayjs(project.constructionStartedOn) : null,
        productionStartedOn: project.productionStartedOn ? dayjs(project.productionStartedOn) : null,
      });
    } else {
      form.setFieldsValue({ ownerId: me.id, channel: 'door_knocking', confidential: false });
    }
  }, [open, project, form, me.id, setFormErrors]);

  const submit = (values: Values) =>
    run(async () => {
      const dates = Object.fromEntries(DATE_FIELDS.filter((field) => field in values).map((field) => [field, toApiDate(values[field])]));
      const body = formBody({ ...values, ...dates }, { editing: !!project, clearable: CLEARABLE });
      const saved = project
        ? await api.patch<Project>(`/api/projects/${project.id}`, { ...body, version: project.version })
        : await api.post<Project>('/api/projects', body);
      onSaved(saved);
    });

  return (
    <Modal
      open={open}
      title={project ? `${t('common.edit')} · ${project.name}` : t('projects.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submitting}
      okText={t('common.save')}
      width={720}
      destroyOnHidden
      forceRender
    >
      {alert}
      <Form form={form} layout="vertical" onFinish={submit} className="zs-compact-form" data-testid="project-form">
        <Form.Item name="name" label={t('fields.name')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <div className="zs-form-row">
          <Form.Item name="companyId" label={t('fields.company')} rules={[{ required: true }]}>
            <CompanySelect />
          </Form.Item>
          <Form.Item name="industry" label={t('fields.industry')} rules={[{ required: true }]}>
            <Select options={options('industries')} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="channel" label={t('fields.channel')} rules={[{ required: true }]}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="originRegion" label={t('fields.originRegion')}>
            <Select allowClear options={options('regions')} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="totalInvestment" label={`${t('fields.totalInvestment')}（${t('common.wan')}）`} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="fixedAssetInvestment" label={`${t('fields.fixedAssetInvestment')}（${t('common.wan')}）`}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="landAreaMu" label={`${t('fields.landAreaMu')}（${t('common.mu')}）`}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="expectedAnnualOutput" label={`${t('fields.expectedAnnualOutput')}（${t('common.wan')}）`}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="expectedTax" label={`${t('fields.expectedTax')}（${t('common.wan')}）`}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="expectedJobs" label={t('fields.expectedJobs')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {choosePark && (
            <Form.Item name="parkId" label={t('fields.park')}>
              <TreeSelect treeDefaultExpandAll treeData={parks.tree} placeholder={parks.name(me.parkId)}
                onChange={() => form.setFieldValue('ownerId', undefined)} />
            </Form.Item>
          )}
          <Form.Item name="ownerId" label={t('fields.owner')} rules={[{ required: true }]}>
            <UserSelect allowClear={false} forPark={parkId} />
          </Form.Item>
          <Form.Item name="leaderId" label={t('fields.leader')}>
            <UserSelect roles={['leader', 'manager']} forPark={parkId} />
          </Form.Item>
          <Form.Item name="projectCode" label={t('fields.projectCode')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="phase" label={t('fields.phase')}>
            <Input maxLength={32} />
          </Form.Item>
        </div>
        {project && (
          <div className="zs-form-row" style={{ gridTemplateColumns: 'repeat(3, 1fr)' }}>
            {DATE_FIELDS.map((field) => (
              <Form.Item key={field} name={field} label={t(`fields.${field}`)}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </div>
        )}
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>{t('fields.confidential')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

