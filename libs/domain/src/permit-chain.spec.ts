import { isMilestoneKey, MILESTONE_KEYS, MILESTONE_LABELS } from './permit-chain';

describe('permit chain', () => {
  it('lists the eleven steps in the order of the seed report', () => {
    expect(MILESTONE_KEYS).toEqual([
      'business_registration',
      'project_filing',
      'land_prereview',
      'site_selection',
      'eia',
      'energy_assessment',
      'project_approval',
      'redline_map',
      'land_certificate',
      'planning_permit',
      'construction_permit',
    ]);
  });

  it('labels every step in Chinese and English', () => {
    expect(MILESTONE_LABELS.business_registration.zh).toBe('核准名称及工商注册');
    expect(MILESTONE_LABELS.construction_permit.zh).toBe('施工许可证');
    for (const key of MILESTONE_KEYS) {
      expect(MILESTONE_LABELS[key].zh).not.toBe('');
      expect(MILESTONE_LABELS[key].en).not.toBe('');
    }
  });

  it('recognises milestone keys', () => {
    expect(isMilestoneKey('eia')).toBe(true);
    expect(isMilestoneKey('feasibility')).toBe(false);
  });
});
