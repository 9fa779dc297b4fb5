import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Radio, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, upload } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { ImportReport } from '../../api/types';
import { useErrorToast } from '../../app/api-form';

type Mode = 'dry-run' | 'commit' | 'partial';

/** 导入: the project ledger in the export's layout — a dry run first, then commit (all or nothing) or partial. */
export function ImportTab() {
  const { t } = useTranslation();
  const showError = useErrorToast();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('dry-run');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setRefused(null);
    try {
      const form = new FormData();
      form.append('file', file);
      setReport(await upload<ImportReport>('/api/imports/projects', form, { mode }));
    } catch (error) {
      if (isApiError(error) && error.status === 422 && 'rows' in error.body) {
        setReport(error.body as unknown as ImportReport);
        setRefused(error.message);
      } else showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('admin.importHint')}{' '}
        <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => void download('/api/exports/projects.xlsx', {}, '项目台账.xlsx').catch(showError)}>{t('admin.template')}</Button>
      </Typography.Paragraph>
      <Upload.Dragger accept=".xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); setReport(null); return false; }} onRemove={() => setFile(null)}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('admin.dropFile')}</p>
      </Upload.Dragger>
      <Space wrap>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button"
          options={(['dry-run', 'commit', 'partial'] as const).map((m) => ({ value: m, label: t(`admin.modes.${m}`) }))} />
        <Button type="primary" disabled={!file} loading={busy} onClick={() => void run()}>{t('admin.runImport')}</Button>
      </Space>
      {refused && <Alert type="error" showIcon title={refused} />}
      {report && (
        <>
          <Space size={32} wrap>
            <Statistic title={t('admin.report.rows')} value={report.rows} />
            <Statistic title={t('admin.report.valid')} value={report.valid} />
            <Statistic title={t('admin.report.invalid')} value={report.invalid} styles={{ content: report.invalid ? { color: '#cf1322' } : undefined }} />
            <Statistic title={t('admin.report.created')} value={report.created} />
            <Statistic title={t('admin.report.updated')} value={report.updated} />
            <Statistic title={t('admin.report.committed')} value={report.committed ? t('common.yes') : t('common.no')} />
          </Space>
          {report.errors.length > 0 && (
            <Table rowKey={(e) => `${e.row}-${e.column}-${e.message}`} size="small" dataSource={report.errors} pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('admin.report.row'), dataIndex: 'row', width: 70 },
                { title: t('admin.report.column'), dataIndex: 'column', width: 180, render: (v) => v ?? '—' },
                { title: t('admin.report.message'), dataIndex: 'message' },
              ]} />
          )}
        </>
      )}
    </Space>
  );
}
