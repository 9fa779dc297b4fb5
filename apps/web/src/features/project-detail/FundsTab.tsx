import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Fund, Project } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useCursorList } from '../../app/use-cursor-list';
import { toApiDate } from '../../lib/dates';
import { formatRate, formatWan, type UiLanguage } from '../../lib/format';

/** 到位资金: amounts actually invested, with the total and its share of the total investment. */
export function FundsTab({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const list = useCursorList<Fund>(`/api/projects/${project.id}/funds`, {}, 50);
  const total = typeof list.last?.total === 'number' ? list.last.total : null;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ amount: number; receivedOn: Dayjs; note?: string }>();
  const { run, submitting, alert } = useApiForm(form);
  return (
    <>
      <Space size={32} style={{ marginBottom: 12 }} wrap>
        <Statistic title={t('detail.fundsTotal')} value={formatWan(total, language)} />
        <Statistic title={`${t('detail.fundsTotal')} / ${t('fields.totalInvestment')}`} value={total !== null && project.totalInvestment ? formatRate(total / project.totalInvestment) : '—'} />
        <Button icon={<PlusOutlined />} onClick={() => { form.resetFields(); setCreating(true); }}>{t('detail.addFund')}</Button>
      </Space>
      <Table<Fund>
        rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.items}
        columns={[
          { title: t('detail.receivedOn'), dataIndex: 'receivedOn', width: 120 },
          { title: t('common.amount'), dataIndex: 'amount', width: 140, align: 'right', render: (v: number) => formatWan(v, language) },
          { title: t('common.note'), dataIndex: 'note', render: (v) => v ?? '' },
        ]}
        footer={list.hasMore ? () => <Button onClick={list.loadMore}>{t('common.loadMore')}</Button> : undefined}
      />
      <Modal open={creating} title={t('detail.addFund')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={submitting} destroyOnHidden forceRender>
        {alert}
        <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}
          onFinish={(v) => run(async () => {
            await api.post(`/api/projects/${project.id}/funds`, { amount: v.amount, receivedOn: toApiDate(v.receivedOn), note: v.note?.trim() || undefined });
            setCreating(false);
            list.reload();
          })}>
          <div className="zs-form-row">
            <Form.Item name="amount" label={`${t('common.amount')}（${t('common.wan')}）`} rules={[{ required: true }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="receivedOn" label={t('detail.receivedOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </div>
          <Form.Item name="note" label={t('common.note')}><Input maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
