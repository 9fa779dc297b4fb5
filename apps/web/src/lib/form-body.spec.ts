import { formBody } from './form-body';

const clearable = ['leaderId', 'landAreaMu', 'projectCode', 'landDeliveredOn'] as const;

describe('formBody', () => {
  it('sends null for a cleared optional field of an edit (包抓领导, an amount, a code, a date)', () => {
    const values = { name: '锂电池正极材料项目', leaderId: undefined, landAreaMu: null, projectCode: '  ', landDeliveredOn: null, totalInvestment: 25000 };
    expect(formBody(values, { editing: true, clearable })).toEqual({
      name: '锂电池正极材料项目', leaderId: null, landAreaMu: null, projectCode: null, landDeliveredOn: null, totalInvestment: 25000,
    });
  });

  it('leaves empty fields out of a create', () => {
    expect(formBody({ name: '项目', leaderId: undefined, landAreaMu: null, projectCode: '' }, { editing: false, clearable })).toEqual({ name: '项目' });
  });

  it('never sends null for a field that is not clearable (a required one), and keeps 0 and false', () => {
    expect(formBody({ ownerId: undefined, name: '', landAreaMu: 0, confidential: false }, { editing: true, clearable })).toEqual({ landAreaMu: 0, confidential: false });
  });

  it('trims text', () => {
    expect(formBody({ projectCode: ' 2026-510000 ' }, { editing: true, clearable })).toEqual({ projectCode: '2026-510000' });
  });
});
