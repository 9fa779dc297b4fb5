import { isOneOf } from './enums';
import type { Label } from './labels';

/**
 * The permit chain (前期手续) before construction, in the order the seed's third report gives:
 * ① registration → ② filing → ③ pre-review, site selection, EIA, energy → approval (立项) →
 * ④ red-line map → ⑤ land certificate → ⑥ planning and construction permits.
 * Every project gets one milestone per key.
 */
export const MILESTONE_KEYS = [
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
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export const MILESTONE_LABELS: Record<MilestoneKey, Label> = {
  business_registration: { zh: '核准名称及工商注册', en: 'Name approval and business registration' },
  project_filing: { zh: '发改委申请(项目备案)', en: 'Project filing with the development and reform commission' },
  land_prereview: { zh: '土地预审(含地灾评估)', en: 'Land pre-review (incl. geological hazard assessment)' },
  site_selection: { zh: '规划选址', en: 'Site-selection opinion' },
  eia: { zh: '环评', en: 'Environmental impact assessment' },
  energy_assessment: { zh: '能评', en: 'Energy assessment' },
  project_approval: { zh: '立项批复', en: 'Project approval' },
  redline_map: { zh: '规划红线图', en: 'Planning red-line map' },
  land_certificate: { zh: '土地挂牌及土地证', en: 'Land listing and land certificate' },
  planning_permit: { zh: '规划许可证', en: 'Planning permit' },
  construction_permit: { zh: '施工许可证', en: 'Construction permit' },
};

export function isMilestoneKey(value: unknown): value is MilestoneKey {
  return isOneOf(MILESTONE_KEYS, value);
}
