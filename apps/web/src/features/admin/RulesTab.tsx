import { Alert, App, Button, Checkbox, Divider, Form, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PIPELINE_STAGES, type ExternalChannel, type Offset, type OffsetUnit, type ReminderRule } from '../../api/types';
import { useApiForm, useErrorToast } from '../../app/api-form';

const CHANNELS: ExternalChannel[] = ['email', 'wecom', 'dingtalk', 'feishu'];
const UNITS: OffsetUnit[] = ['working_days', 'days', 'hours'];
const LEVELS = ['officer', 'leader', 'managers'] as const;

function OffsetInput({ value, onChange, units = UNITS, id }: { value?: Offset | null; onChange?: (v: Offset | null) => void; units?: readonly OffsetUnit[]; id?: string }) {
  const { t } = useTranslation();
  return (
    <Space.Compact id={id}>
      <InputNumber min={0} precision={0} style={{ width: 90 }} placeholder="—" value={value?.value ?? null}
        onChange={(v) => onChange?.(v === null ? null : { value: v, unit: value?.unit ?? units[0] })} />
      <Select style={{ width: 100 }} value={value?.unit ?? units[0]} disabled={!value} onChange={(unit) => value && onChange?.({ ...value, unit })}
        options={units.map((u) => ({ value: u, label: t(`admin.units.${u}`) }))} />
    </Space.Compact>
  );
}

const showOffset = (o: Offset | null | undefined, t: (k: `admin.units.${OffsetUnit}`) => string) => (o ? `${o.value} ${t(`admin.units.${o.unit}`)}` : '—');

/** 提醒规则: each rule on or off, its threshold (per stage for stale projects), escalation delays and channels. */
export function RulesTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [rules, setRules] = useState<ReminderRule[] | null>(null);
  const [warnings, setWarnings] = useState<{ year: number; message: string }[]>([]);
  const [editing, setEditing] = useState<ReminderRule | null>(null);
  const [form] = Form.useForm();
  const { run, submitting, alert, setFormErrors } = useApiForm(form);
  const en = i18n.language === 'en';

  const load = useCallback(() => {
    api.get<{ items: ReminderRule[]; warnings: { year: number; message: string }[] }>('/api/reminder-rules')
      .then((r) => { setRules(r.items); setWarnings(r.warnings ?? []); })
      .catch(showError);
  }, [showError]);
  useEffect(load, [load]);

  const toggle = async (rule: ReminderRule, enabled: boolean) => {
    try {
      await api.patch(`/api/reminder-rules/${rule.rule}`, { version: rule.version, enabled });
      load();
    } catch (error) {
      showError(error);
    }
  };
  const open = (rule: ReminderRule) => {
    setFormErrors([]);
    form.resetFields();
    form.setFieldsValue({ threshold: rule.threshold, stageThresholds: rule.stageThresholds ?? undefined, escalation: rule.escalation, channels: rule.channels });
    setEditing(rule);
  };
  const save = (values: { threshold?: Offset | null; stageThresholds?: Record<string, Offset | null>; escalation: ReminderRule['escalation']; channels: ExternalChannel[] }) =>
    run(async () => {
      if (!editing) return;
      const escalation = Object.fromEntries(LEVELS.filter((l) => editing.targets.includes(l)).map((l) => [l, values.escalation?.[l] ?? null]));
      await api.patch(`/api/reminder-rules/${editing.rule}`, {
        version: editing.version,
        ...(editing.thresholdInfo ? { threshold: values.threshold ?? null } : {}),
        ...(editing.stageThresholds ? { stageThresholds: Object.fromEntries(PIPELINE_STAGES.map((s) => [s, values.stageThresholds?.[s] ?? null])) } : {}),
        escalation,
        channels: values.channels ?? [],
      });
      void message.success(t('common.saved'));
      setEditing(null);
      load();
    });

  return (
    <>
      {warnings.map((w) => <Alert key={w.year} type="warning" showIcon style={{ marginBottom: 8 }} title={w.message} />)}
      <Table<ReminderRule>
        rowKey="rule" size="small" pagination={false} loading={!rules} dataSource={rules ?? []} scroll={{ x: 900 }}
        columns={[
          { title: t('admin.rule'), render: (_, r) => <div><Typography.Text strong>{en ? r.nameEn : r.name}</Typography.Text><div className="zs-muted" style={{ fontSize: 12 }}>{r.description}</div></div> },
          { title: t('admin.enabled'), dataIndex: 'enabled', width: 80, render: (v: boolean, r) => <Switch size="small" checked={v} onChange={(on) => void toggle(r, on)} /> },
          { title: t('admin.threshold'), width: 140, render: (_, r) => (r.stageThresholds ? t('admin.perStage') : showOffset(r.threshold, t)) },
          {
            title: t('admin.escalation'), width: 260,
            render: (_, r) => LEVELS.filter((l) => r.targets.includes(l)).map((l) => <div key={l}><span className="zs-muted">{t(`admin.levels.${l}`)}{t('common.colon')}</span>{showOffset(r.escalation[l], t)}</div>),
          },
          { title: t('admin.channels'), width: 180, render: (_, r) => r.channels.map((c) => <Tag key={c}>{t(`admin.channel.${c}`)}</Tag>) },
          { title: t('common.actions'), width: 80, render: (_, r) => <Button size="small" type="link" onClick={() => open(r)}>{t('common.edit')}</Button> },
        ]}
      />
      <Modal open={!!editing} title={editing ? (en ? editing.nameEn : editing.name) : ''} onCancel={() => setEditing(null)} onOk={() => form.submit()}
        confirmLoading={submitting} width={640} destroyOnHidden forceRender>
        {alert}
        {editing && (
          <Form form={form} layout="vertical" onFinish={save} className="zs-compact-form">
            <Typography.Paragraph type="secondary">{editing.description}</Typography.Paragraph>
            {editing.thresholdInfo && (
              <Form.Item name="threshold" label={`${t('admin.threshold')}${t('common.colon')}${editing.thresholdInfo.meaning}`}>
                <OffsetInput units={editing.thresholdInfo.units} />
              </Form.Item>
            )}
            {editing.stageThresholds && (
              <div className="zs-form-row">
                {PIPELINE_STAGES.map((s) => (
                  <Form.Item key={s} name={['stageThresholds', s]} label={t(`stage.${s}`)}><OffsetInput /></Form.Item>
                ))}
              </div>
            )}
            <Divider titlePlacement="start" style={{ margin: '8px 0' }}>{t('admin.escalation')}</Divider>
            <div className="zs-form-row">
              {LEVELS.filter((l) => editing.targets.includes(l)).map((l) => (
                <Form.Item key={l} name={['escalation', l]} label={t(`admin.levels.${l}`)}><OffsetInput /></Form.Item>
              ))}
            </div>
            <Form.Item name="channels" label={t('admin.channels')}>
              <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: t(`admin.channel.${c}`) }))} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
