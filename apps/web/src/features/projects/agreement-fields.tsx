import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AgreementKind } from '../../api/types';
import { toApiDate } from '../../lib/dates';

export interface AgreementValues {
  kind?: AgreementKind;
  number?: string;
  signedOn?: Dayjs;
  amount?: number;
  landAreaMu?: number | null;
  committedLandOn?: Dayjs | null;
  committedStartOn?: Dayjs | null;
  committedProductionOn?: Dayjs | null;
}

/** The body of POST /api/projects/:id/agreements from the form's values. */
export function agreementBody(values: AgreementValues) {
  return {
    kind: values.kind,
    number: values.number?.trim() || undefined,
    signedOn: toApiDate(values.signedOn),
    amount: values.amount,
    landAreaMu: values.landAreaMu ?? undefined,
    committedLandOn: toApiDate(values.committedLandOn),
    committedStartOn: toApiDate(values.committedStartOn),
    committedProductionOn: toApiDate(values.committedProductionOn),
  };
}

/** The agreement (签约) form's fields; `kinds` limits the kind to what the move needs. */
export function AgreementFields({ kinds }: { kinds: readonly AgreementKind[] }) {
  const { t } = useTranslation();
  return (
    <div className="zs-form-row">
      <Form.Item name="kind" label={t('agreement.kind')} rules={[{ required: true }]}>
        <Select options={kinds.map((k) => ({ value: k, label: t(`agreementKind.${k}`) }))} data-testid="agreement-kind" />
      </Form.Item>
      <Form.Item name="number" label={t('agreement.number')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="signedOn" label={t('agreement.signedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="amount" label={`${t('agreement.amount')}（${t('common.wan')}）`} rules={[{ required: true }]}>
        <InputNumber min={0} style={{ width: '100%' }} data-testid="agreement-amount" />
      </Form.Item>
      <Form.Item name="landAreaMu" label={`${t('agreement.landAreaMu')}（${t('common.mu')}）`}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="committedLandOn" label={t('agreement.committedLandOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="committedStartOn" label={t('agreement.committedStartOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="committedProductionOn" label={t('agreement.committedProductionOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </div>
  );
}
