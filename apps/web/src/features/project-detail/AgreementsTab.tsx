import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AGREEMENT_KINDS, type Agreement, type Project } from '../../api/types';
import { useApiForm } from '../../app/api-form';
import { useCursorList } from '../../app/use-cursor-list';
import { formatWan, type UiLanguage } from '../../lib/format';
import { AgreementFields, agreementBody, type AgreementValues } from '../projects/agreement-fields';

export function AgreementsTab({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const list = useCursorList<Agreement>(`/api/projects/${project.id}/agreements`, {}, 50);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<AgreementValues>();
  const { run, submitting, alert } = useApiForm(form);
  return (
    <>
      <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => { form.resetFields(); setCreating(true); }}>{t('agreement.add')}</Button>
      <Table<Agreement>
        rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.items} scroll={{ x: 900 }}
        columns={[
          { title: t('agreement.kind'), dataIndex: 'kind', render: (k: Agreement['kind']) => t(`agreementKind.${k}`) },
          { title: t('agreement.number'), dataIndex: 'number', render: (v) => v ?? '—' },
          { title: t('agreement.signedOn'), dataIndex: 'signedOn' },
          { title: t('agreement.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => formatWan(v, language) },
          { title: t('agreement.landAreaMu'), dataIndex: 'landAreaMu', render: (v) => v ?? '—' },
          { title: `${t('agreement.intensity')}（${t('agreement.intensityUnit')}）`, dataIndex: 'investmentIntensity', render: (v) => v ?? '—' },
          { title: t('agreement.committedLandOn'), dataIndex: 'committedLandOn', render: (v) => v ?? '—' },
          { title: t('agreement.committedStartOn'), dataIndex: 'committedStartOn', render: (v) => v ?? '—' },
          { title: t('agreement.committedProductionOn'), dataIndex: 'committedProductionOn', render: (v) => v ?? '—' },
        ]}
        footer={list.hasMore ? () => <Button onClick={list.loadMore}>{t('common.loadMore')}</Button> : undefined}
      />
      <Modal open={creating} title={t('agreement.add')} width={640} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={submitting} destroyOnHidden forceRender>
        {alert}
        <Form form={form} layout="vertical" className="zs-compact-form" initialValues={{ kind: 'intent', signedOn: dayjs(), amount: project.totalInvestment }}
          onFinish={(v) => run(async () => {
            await api.post(`/api/projects/${project.id}/agreements`, agreementBody(v));
            setCreating(false);
            list.reload();
          })}>
          <AgreementFields kinds={AGREEMENT_KINDS} />
        </Form>
      </Modal>
    </>
  );
}
