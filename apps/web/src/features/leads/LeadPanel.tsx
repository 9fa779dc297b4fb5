import dayjs from 'dayjs';
import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Radio, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Lead, LeadDuplicate } from '../../api/types';
import { useApiForm, useErrorToast } from '../../app/api-form';
import { useAuth } from '../../app/auth';
import { useDictionaries } from '../../app/dictionaries';
import { useParkTree } from '../../app/parks';
import { hasSeveralParks } from '../../lib/parks';
import { UserName, UserSelect } from '../../app/users';
import { formatDateTime } from '../../lib/dates';
import { formatWan, type UiLanguage } from '../../lib/format';
import { ConvertModal } from './ConvertModal';

const DUPLICATE_LINKS: Record<LeadDuplicate['kind'], (id: string) => string | null> = {
  lead: () => null,
  company: (id) => `/companies/${id}`,
  project: (id) => `/projects/${id}`,
};

/** One lead: its facts, the suspected duplicates beside it, and the next step (assign, screen, convert). */
export function LeadPanel({ lead, onChange }: { lead: Lead; onChange: (lead: Lead) => void }) {
  const { t, i18n } = useTranslation();
  const { user, hasRole } = useAuth();
  const { label } = useDictionaries();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [duplicates, setDuplicates] = useState<LeadDuplicate[] | null>(null);
  const [assignee, setAssignee] = useState<string | undefined>(lead.assigneeId ?? undefined);
  const [assigning, setAssigning] = useState(false);
  const [converting, setConverting] = useState(false);
  const [screenForm] = Form.useForm<{ opinion: string; decision: 'pursue' | 'reject'; note?: string }>();
  const screen = useApiForm(screenForm);
  const decision = Form.useWatch('decision', screenForm);
  const manager = hasRole('manager', 'admin');
  const parks = useParkTree();
  const isAssignee = lead.assigneeId === user?.id;

  useEffect(() => {
    api.get<{ items: LeadDuplicate[] }>(`/api/leads/${lead.id}/duplicates`).then((r) => setDuplicates(r.items)).catch(() => setDuplicates([]));
  }, [lead.id]);

  const assign = async () => {
    if (!assignee) return;
    setAssigning(true);
    try {
      const saved = await api.post<Lead>(`/api/leads/${lead.id}/assign`, { assigneeId: assignee });
      void message.success(t('leads.assigned'));
      onChange(saved);
    } catch (error) {
      showError(error);
    } finally {
      setAssigning(false);
    }
  };

  const overdue = lead.status === 'assigned' && !!lead.screeningDueOn && lead.screeningDueOn < dayjs().format('YYYY-MM-DD');
  const details = (
    <Card size="small" title={<Space wrap><span>{lead.title}</span><Tag>{t(`leadStatus.${lead.status}`)}</Tag>{overdue && <Tag color="red">{t('leads.overdueScreening')}</Tag>}</Space>}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('leads.fields.companyName')}>{lead.companyName}{lead.creditCode ? `（${lead.creditCode}）` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('fields.industry')}>{label('industries', lead.industry)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.channel')}>{t(`channel.${lead.channel}`)}{lead.referrer ? ` · ${lead.referrer}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.estimatedInvestment')}>{formatWan(lead.estimatedInvestment, i18n.language as UiLanguage)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.originRegion')}>{label('regions', lead.originRegion)}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.contactName')}>{[lead.contactName, lead.contactMobile].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.receivedOn')}>{lead.receivedOn}</Descriptions.Item>
        {hasSeveralParks(parks.nodes) && <Descriptions.Item label={t('fields.park')}>{parks.name(lead.parkId)}</Descriptions.Item>}
        <Descriptions.Item label={t('leads.fields.reportedBy')}><UserName id={lead.reportedById} /></Descriptions.Item>
        <Descriptions.Item label={t('leads.assignee')}><UserName id={lead.assigneeId} /></Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.screeningDueOn')}>{lead.screeningDueOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.summary')}><span style={{ whiteSpace: 'pre-wrap' }}>{lead.summary}</span></Descriptions.Item>
        {lead.screeningOpinion && <Descriptions.Item label={t('leads.opinion')}>{lead.screeningOpinion} <span className="zs-muted">{formatDateTime(lead.screenedAt)}</span></Descriptions.Item>}
        {lead.screeningNote && <Descriptions.Item label={t('common.note')}>{lead.screeningNote}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );

  const duplicatesCard = (
    <Card size="small" data-testid="duplicates"
      title={<Space><WarningOutlined style={{ color: duplicates?.length ? '#fa8c16' : undefined }} />{t('leads.duplicates')}{duplicates?.length ? <Tag color="orange">{duplicates.length}</Tag> : null}</Space>}>
      {duplicates === null ? null : duplicates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leads.noDuplicates')} />
      ) : (
        <List
          size="small"
          dataSource={duplicates}
          renderItem={(d) => {
            const href = DUPLICATE_LINKS[d.kind](d.id);
            return (
              <List.Item>
                <List.Item.Meta
                  title={<Space><Tag>{t(`duplicateKind.${d.kind}`)}</Tag>{href ? <Link to={href}>{d.name}</Link> : d.name}</Space>}
                  description={d.reasons.map((r) => <Tag key={r} color="orange" bordered={false}>{t(`duplicateReason.${r}`)}</Tag>)}
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );

  let action: React.ReactNode = null;
  if ((lead.status === 'new' || lead.status === 'assigned') && manager) {
    action = (
      <Card size="small" title={t('leads.assign')}>
        <Space.Compact style={{ width: '100%' }}>
          <UserSelect value={assignee} onChange={setAssignee} roles={['officer', 'leader', 'manager']} forPark={lead.parkId} placeholder={t('leads.assignTo')} style={{ flex: 1 }} />
          <Button type="primary" loading={assigning} disabled={!assignee} onClick={() => void assign()}>{t('leads.assign')}</Button>
        </Space.Compact>
      </Card>
    );
  }
  const screening = lead.status === 'assigned' && (isAssignee || manager) ? (
    <Card size="small" title={t('leads.screening')}>
      {screen.alert}
      <Form form={screenForm} layout="vertical" initialValues={{ decision: 'pursue' }} className="zs-compact-form"
        onFinish={(v) => screen.run(async () => {
          const saved = await api.post<Lead>(`/api/leads/${lead.id}/screen`, { ...v, note: v.note?.trim() || undefined });
          void message.success(t('leads.screened'));
          onChange(saved);
        })}>
        <Form.Item name="opinion" label={t('leads.opinion')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} placeholder={t('leads.opinionPlaceholder')} maxLength={5000} />
        </Form.Item>
        <Form.Item name="decision" label={t('leads.decision')}>
          <Radio.Group optionType="button" options={[{ value: 'pursue', label: t('leads.pursue') }, { value: 'reject', label: t('leads.reject') }]} />
        </Form.Item>
        {decision === 'reject' && (
          <Form.Item name="note" label={t('leads.rejectNote')} rules={[{ required: true }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={screen.submitting}>{t('common.submit')}</Button>
      </Form>
    </Card>
  ) : null;
  const convert = lead.status === 'pursuing' ? (
    <Alert type="success" showIcon title={t('leads.pursue')} action={<Button type="primary" onClick={() => setConverting(true)} data-testid="convert">{t('leads.convert')}</Button>} />
  ) : lead.status === 'converted' && lead.projectId ? (
    <Alert type="success" showIcon title={t('leads.converted')} action={<Link to={`/projects/${lead.projectId}`}><Button>{t('leads.openProject')}</Button></Link>} />
  ) : null;

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', alignItems: 'start' }}>
        {details}
        <div style={{ display: 'grid', gap: 12 }}>
          {duplicatesCard}
          {action}
          {screening}
          {convert}
        </div>
      </div>
      <ConvertModal open={converting} lead={lead} suggestedCompanyId={duplicates?.find((d) => d.kind === 'company')?.id} onClose={() => setConverting(false)}
        onConverted={(updated) => { setConverting(false); onChange(updated); }} />
    </div>
  );
}
