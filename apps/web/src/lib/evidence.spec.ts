import { missingEvidence } from './evidence';

const conflict = (details: { field: string; message: string }[]) => ({ statusCode: 409, error: 'Conflict', message: '缺少依据', details });

describe('missing evidence of a refused stage move', () => {
  it('asks for an agreement of any kind to enter 签约', () => {
    const missing = missingEvidence(conflict([{ field: 'agreement', message: '需要签约协议' }]), 'agreement');
    expect(missing).toEqual({ agreementKinds: ['intent', 'framework', 'investment', 'land_transfer', 'supplementary'], dates: [], messages: ['需要签约协议'] });
  });

  it('asks for an investment or land-transfer contract to enter 合同 or beyond', () => {
    expect(missingEvidence(conflict([{ field: 'agreement', message: 'a' }, { field: 'agreement', message: 'b' }]), 'contract')?.agreementKinds)
      .toEqual(['investment', 'land_transfer']);
  });

  it('asks for the project dates a move needs, in pipeline order', () => {
    const missing = missingEvidence(conflict([
      { field: 'constructionStartedOn', message: '需要开工日期' },
      { field: 'landDeliveredOn', message: '需要供地日期' },
    ]), 'construction');
    expect(missing?.dates).toEqual(['landDeliveredOn', 'constructionStartedOn']);
    expect(missing?.agreementKinds).toBeNull();
  });

  it('is null for an illegal move or anything that is not missing evidence', () => {
    expect(missingEvidence({ statusCode: 409, error: 'Conflict', message: '只能恢复到原阶段' }, 'negotiation')).toBeNull();
    expect(missingEvidence(conflict([{ field: 'version', message: 'stale' }]), 'agreement')).toBeNull();
    expect(missingEvidence({ statusCode: 400, error: 'Bad Request', message: 'x', details: [{ field: 'agreement', message: 'y' }] }, 'agreement')).toBeNull();
  });
});
