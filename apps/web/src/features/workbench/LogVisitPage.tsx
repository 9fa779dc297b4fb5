import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { VISIT_KINDS, type Contact, type Page, type Project, type Visit, type VisitKind } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useMe } from '../../app/auth';
import { DateTimeField } from '../../app/DateTimeField';
import { UserSelect } from '../../app/users';
import { formatDateTime, toApiTimestamp } from '../../lib/dates';
import { ProjectSelect } from '../projects/ProjectSelect';

interface VisitValues {
  projectId: string;
  kind: VisitKind;
  occurredAt: Dayjs;
  place?: string;
  officerIds?: string[];
  contactIds?: string[];
  otherParticipants?: string;
  summary: string;
  nextStep?: string;
  nextFollowUpAt?: Dayjs | null;
}

/** 记录走访: one screen, usable on a phone (390 px): project, kind, time, participants, summary, next step, follow-up. */
export default function LogVisitPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<VisitValues>();
  const { run, submitting, alert } = useApiForm(form);
  const [project, setProject] = useState<Project | null>(null);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const projectId = Form.useWatch('projectId', form);

  useEffect(() => {
    if (!projectId) return setContacts([]);
    let live = true;
    (async () => {
      const p = project?.id === projectId ? project : await api.get<Project>(`/api/projects/${projectId}`);
      if (!live) return;
      setProject(p);
      const page = await api.get<Page<Contact>>(`/api/companies/${p.companyId}/contacts`, { limit: 100 });
      if (live) setContacts(page.items);
    })().catch(() => setContacts([]));
    return () => {
      live = false;
    };
  }, [projectId]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = (values: VisitValues) =>
    run(async () => {
      const visit = await api.post<Visit>(`/api/projects/${values.projectId}/visits`, {
        kind: values.kind,
        occurredAt: toApiTimestamp(values.occurredAt),
        place: values.place?.trim() || undefined,
        officerIds: values.officerIds?.length ? values.officerIds : undefined,
        contactIds: values.contactIds?.length ? values.contactIds : undefined,
        otherParticipants: values.otherParticipants?.trim() || undefined,
        summary: values.summary,
        nextStep: values.nextStep?.trim() || undefined,
        nextFollowUpAt: values.nextFollowUpAt ? toApiTimestamp(values.nextFollowUpAt) : undefined,
      });
      void message.success(visit.nextFollowUpAt ? t('visit.savedWithTask', { date: formatDateTime(visit.nextFollowUpAt) }) : t('visit.saved'));
      navigate(params.get('back') === 'project' ? `/projects/${visit.projectId}` : '/');
    });

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('visit.title')}</Typography.Title>
      <Card size="small" styles={{ body: { paddingBottom: 0 } }}>
        {alert}
        <Form
          form={form}
          layout="vertical"
          className="zs-compact-form"
          onFinish={submit}
          initialValues={{ projectId: params.get('projectId') || undefined, kind: 'outbound_visit', occurredAt: dayjs(), officerIds: [me.id] }}
          data-testid="visit-form"
        >
          <Form.Item name="projectId" label={t('visit.project')} rules={[{ required: true, message: t('visit.projectRequired') }]}>
            <ProjectSelect placeholder={t('visit.projectPlaceholder')} />
          </Form.Item>
          <div className="zs-form-row zs-stack-xs">
            <Form.Item name="kind" label={t('visit.kind')} rules={[{ required: true, message: t('visit.kindRequired') }]}>
              <Select options={VISIT_KINDS.map((k) => ({ value: k, label: t(`visitKind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="occurredAt" label={t('visit.occurredAt')} rules={[{ required: true, message: t('visit.timeRequired') }]}>
              <DateTimeField />
            </Form.Item>
          </div>
          <div className="zs-form-row">
            <Form.Item name="officerIds" label={t('visit.officers')}>
              <UserSelect mode="multiple" />
            </Form.Item>
            <Form.Item name="contactIds" label={t('visit.contacts')}>
              <Select mode="multiple" options={contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
                notFoundContent={t('common.noData')} />
            </Form.Item>
          </div>
          <div className="zs-form-row">
            <Form.Item name="otherParticipants" label={t('visit.otherParticipants')}>
              <Input maxLength={2000} />
            </Form.Item>
            <Form.Item name="place" label={t('visit.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </div>
          <Form.Item name="summary" label={t('visit.summary')} rules={[{ required: true, message: `${t('visit.summary')}: ${t('common.required')}` }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('visit.summaryPlaceholder')} maxLength={20000} />
          </Form.Item>
          <Form.Item name="nextStep" label={t('visit.nextStep')}>
            <Input maxLength={2000} />
          </Form.Item>
          <Form.Item name="nextFollowUpAt" label={t('visit.nextFollowUpAt')} tooltip={t('visit.followUpHint')}>
            <DateTimeField defaultTime={dayjs().hour(9).minute(0)} placeholder={t('visit.followUpHint')} data-testid="follow-up" />
          </Form.Item>
          <div className="zs-sticky-actions">
            <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="save-visit">{t('common.save')}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
