import { Alert, App, Button, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CalendarYear } from '../../api/types';
import { useApiForm, useErrorToast } from '../../app/api-form';

const toLines = (days: CalendarYear['days'], kind: 'holiday' | 'workday') =>
  days.filter((d) => d.kind === kind && d.source === 'override').map((d) => `${d.date}${d.name ? ` ${d.name}` : ''}`).join('\n');
const fromLines = (text: string) =>
  text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [date, ...name] = line.split(/\s+/);
    return name.length ? { date, name: name.join(' ') } : { date };
  });

/** 工作日历: the State Council's holidays and 调休 days per year (reminders count working days with it). */
export function CalendarTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const [year, setYear] = useState(dayjs().year());
  const [calendar, setCalendar] = useState<CalendarYear | null>(null);
  const [form] = Form.useForm<{ holidays: string; workdays: string }>();
  const { run, submitting, alert } = useApiForm(form);

  const load = useCallback(() => {
    api.get<CalendarYear>('/api/calendar', { year }).then((c) => {
      setCalendar(c);
      form.setFieldsValue({ holidays: toLines(c.days, 'holiday'), workdays: toLines(c.days, 'workday') });
    }).catch(showError);
  }, [year, form, showError]);
  useEffect(load, [load]);

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} />
        {calendar && (calendar.hasOfficialData ? <Tag color="green">{t('admin.officialData')}</Tag> : <Tag color="orange">{t('admin.noOfficialData')}</Tag>)}
      </Space>
      {calendar?.warning && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={calendar.warning} />}
      <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
        <Table rowKey="date" size="small" dataSource={calendar?.days ?? []} loading={!calendar} pagination={{ pageSize: 15, hideOnSinglePage: true }}
          columns={[
            { title: t('common.date'), dataIndex: 'date' },
            { title: t('admin.dayKind'), dataIndex: 'kind', render: (k: 'holiday' | 'workday') => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`admin.dayKinds.${k}`)}</Tag> },
            { title: t('common.name'), dataIndex: 'name', render: (v) => v ?? '' },
            { title: t('admin.source'), dataIndex: 'source', render: (s: 'official' | 'override') => <span className="zs-muted">{t(`admin.sources.${s}`)}</span> },
          ]} />
        <div>
          <Typography.Paragraph type="secondary">{t('admin.calendarHint')}</Typography.Paragraph>
          {alert}
          <Form form={form} layout="vertical" onFinish={(v) => run(async () => {
            await api.request('PUT', `/api/calendar/${year}`, { body: { holidays: fromLines(v.holidays ?? ''), workdays: fromLines(v.workdays ?? '') } });
            void message.success(t('common.saved'));
            load();
          })}>
            <Form.Item name="holidays" label={t('admin.dayKinds.holiday')}><Input.TextArea rows={8} placeholder="2027-10-01 国庆节" /></Form.Item>
            <Form.Item name="workdays" label={t('admin.dayKinds.workday')}><Input.TextArea rows={4} placeholder="2027-09-26 调休上班" /></Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting}>{t('common.save')}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
