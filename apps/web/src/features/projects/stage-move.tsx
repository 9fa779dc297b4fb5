// Moving a project to another stage (the kanban's drop, the detail page's menu): POST …/transitions; a 409
// for missing evidence opens the form that supplies it (agreement, land / start / production date) and then
// retries; a move that needs a note (backward, dropped) asks for it.
import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, App, DatePicker, Divider, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isApiError, localizeMessage, type Language } from '../../api/errors';
import type { Agreement, Project, Stage } from '../../api/types';
import { useApiForm, useErrorToast } from '../../app/api-form';
import { toApiDate, toApiTimestamp } from '../../lib/dates';
import { missingEvidence, type MissingEvidence } from '../../lib/evidence';
import { AgreementFields, agreementBody, type AgreementValues } from './agreement-fields';

type Pending =
  | { kind: 'note'; project: Project; to: Stage }
  | { kind: 'evidence'; project: Project; to: Stage; missing: MissingEvidence };

export function useStageMove(onMoved: (project: Project, from: Stage) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [pending, setPending] = useState<Pending | null>(null);

  const finish = useCallback(
    (moved: Project, from: Stage) => {
      setPending(null);
      void message.success(t('projects.moved', { stage: t(`stage.${moved.stage}`) }));
      onMoved(moved, from);
    },
    [message, onMoved, t],
  );

  /** Tries the move; false when it needs something first (a dialog is then open) or failed. */
  const move = useCallback(
    async (project: Project, to: Stage): Promise<boolean> => {
      if (project.stage === to) return false;
      try {
        const moved = await api.post<Project>(`/api/projects/${project.id}/transitions`, { to });
        finish(moved, project.stage);
        return true;
      } catch (error) {
        if (isApiError(error) && error.status === 400 && error.details.some((d) => d.field === 'note')) {
          setPending({ kind: 'note', project, to });
        } else if (isApiError(error) && error.status === 409 && missingEvidence(error.body, to)) {
          setPending({ kind: 'evidence', project, to, missing: missingEvidence(error.body, to)! });
        } else {
          showError(error);
        }
        return false;
      }
    },
    [finish, showError],
  );

  const dialogs = (
    <>
      {pending?.kind === 'note' && <NoteDialog project={pending.project} to={pending.to} onCancel={() => setPending(null)} onMoved={finish} />}
      {pending?.kind === 'evidence' && (
        <EvidenceDialog project={pending.project} to={pending.to} missing={pending.missing} onCancel={() => setPending(null)} onMoved={finish} />
      )}
    </>
  );
  return { move, dialogs };
}

interface DialogProps {
  project: Project;
  to: Stage;
  onCancel: () => void;
  onMoved: (project: Project, from: Stage) => void;
}

function NoteDialog({ project, to, onCancel, onMoved }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string; occurredAt?: Dayjs | null }>();
  const { run, submitting, alert } = useApiForm(form);
  const submit = (values: { note: string; occurredAt?: Dayjs | null }) =>
    run(async () => {
      const moved = await api.post<Project>(`/api/projects/${project.id}/transitions`, {
        to,
        note: values.note,
        occurredAt: values.occurredAt ? toApiTimestamp(values.occurredAt) : undefined,
      });
      onMoved(moved, project.stage);
    });
  return (
    <Modal open title={t('projects.moveTitle', { stage: t(`stage.${to}`) })} onCancel={onCancel} onOk={() => form.submit()}
      confirmLoading={submitting} okText={t('common.confirm')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{project.name} · {t('projects.noteRequired')}</Typography.Paragraph>
      {alert}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('projects.note')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} autoFocus />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('projects.occurredAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EvidenceValues extends AgreementValues {
  landDeliveredOn?: Dayjs;
  constructionStartedOn?: Dayjs;
  productionStartedOn?: Dayjs;
}

function EvidenceDialog({ project, to, missing, onCancel, onMoved }: DialogProps & { missing: MissingEvidence }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<EvidenceValues>();
  const { run, submitting, alert } = useApiForm(form);
  const [agreement, setAgreement] = useState<Agreement | null>(null);
  const [stillMissing, setStillMissing] = useState<MissingEvidence>(missing);
  const needsAgreement = !!stillMissing.agreementKinds && !agreement;

  const submit = (values: EvidenceValues) =>
    run(async () => {
      if (needsAgreement) {
        const saved = await api.post<Agreement>(`/api/projects/${project.id}/agreements`, agreementBody(values));
        setAgreement(saved);
      }
      if (stillMissing.dates.length) {
        const fresh = await api.get<Project>(`/api/projects/${project.id}`);
        const dates = Object.fromEntries(stillMissing.dates.map((field) => [field, toApiDate(values[field])]));
        await api.patch<Project>(`/api/projects/${project.id}`, { version: fresh.version, ...dates });
      }
      try {
        const moved = await api.post<Project>(`/api/projects/${project.id}/transitions`, { to });
        onMoved(moved, project.stage);
      } catch (error) {
        const next = isApiError(error) ? missingEvidence(error.body, to) : null;
        if (next) setStillMissing(next);
        throw error;
      }
    });

  return (
    <Modal open title={t('projects.moveTitle', { stage: t(`stage.${to}`) })} onCancel={onCancel} onOk={() => form.submit()}
      confirmLoading={submitting} okText={t('projects.retryMove')} width={640} destroyOnHidden data-testid="evidence-dialog">
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('projects.needsEvidence', { stage: t(`stage.${to}`) })}
        description={<ul style={{ margin: 0, paddingLeft: 18 }}>{stillMissing.messages.map((m) => <li key={m}>{localizeMessage(m, i18n.language as Language)}</li>)}</ul>} />
      <Typography.Text strong>{project.name}</Typography.Text>
      {alert}
      <Form form={form} layout="vertical" onFinish={submit} className="zs-compact-form" data-testid="evidence-form"
        initialValues={{ kind: missing.agreementKinds?.includes('investment') && to !== 'agreement' ? 'investment' : missing.agreementKinds?.[0], signedOn: dayjs(), amount: project.totalInvestment,
          landDeliveredOn: dayjs(), constructionStartedOn: dayjs(), productionStartedOn: dayjs() }}>
        {stillMissing.agreementKinds && (
          <>
            <Divider titlePlacement="start" style={{ margin: '12px 0' }}>{t('projects.supplyAgreement')}</Divider>
            {agreement ? (
              <Typography.Paragraph><CheckCircleFilled style={{ color: '#52c41a' }} /> {t(`agreementKind.${agreement.kind}`)} · {agreement.signedOn} · {t('agreement.saved')}</Typography.Paragraph>
            ) : (
              <AgreementFields kinds={stillMissing.agreementKinds} />
            )}
          </>
        )}
        {stillMissing.dates.length > 0 && (
          <>
            <Divider titlePlacement="start" style={{ margin: '12px 0' }}>{t('projects.supplyDates')}</Divider>
            <div className="zs-form-row">
              {stillMissing.dates.map((field) => (
                <Form.Item key={field} name={field} label={t(`fields.${field}`)} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              ))}
            </div>
          </>
        )}
      </Form>
    </Modal>
  );
}
