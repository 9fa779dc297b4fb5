import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_KINDS,
  BLOCKER_CATEGORIES,
  BLOCKER_CATEGORY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  LEAD_STATUS_LABELS,
  LEAD_STATUSES,
  MILESTONE_STATUS_LABELS,
  MILESTONE_STATUSES,
  isOneOf,
  ROLE_LABELS,
  ROLES,
  VISIT_KIND_LABELS,
  VISIT_KINDS,
} from './enums';
import { type Label, labelText } from './labels';

describe('enumerations', () => {
  it('holds the keys of the API contract', () => {
    expect(ROLES).toEqual(['admin', 'manager', 'leader', 'officer']);
    expect(CHANNELS).toEqual([
      'door_knocking',
      'investor_referral',
      'online',
      'industry_chain',
      'expo',
      'agent',
      'government',
      'other',
    ]);
    expect(VISIT_KINDS).toEqual([
      'outbound_visit',
      'inbound_inspection',
      'negotiation',
      'call',
      'video',
      'dispatch_meeting',
      'onsite_service',
    ]);
    expect(AGREEMENT_KINDS).toEqual(['intent', 'framework', 'investment', 'land_transfer', 'supplementary']);
    expect(LEAD_STATUSES).toEqual(['new', 'assigned', 'pursuing', 'converted', 'rejected']);
    expect(MILESTONE_STATUSES).toEqual(['pending', 'in_progress', 'done', 'not_needed']);
  });

  it('names the channels as parks do', () => {
    expect(CHANNELS.map((c) => CHANNEL_LABELS[c].zh)).toEqual([
      '叩门招商',
      '以商招商',
      '网上招商',
      '产业链招商',
      '展会招商',
      '委托招商',
      '政府推介',
      '其他',
    ]);
  });

  it.each<[string, readonly string[], Record<string, Label>]>([
    ['roles', ROLES, ROLE_LABELS],
    ['channels', CHANNELS, CHANNEL_LABELS],
    ['visit kinds', VISIT_KINDS, VISIT_KIND_LABELS],
    ['agreement kinds', AGREEMENT_KINDS, AGREEMENT_KIND_LABELS],
    ['lead statuses', LEAD_STATUSES, LEAD_STATUS_LABELS],
    ['milestone statuses', MILESTONE_STATUSES, MILESTONE_STATUS_LABELS],
    ['blocker categories', BLOCKER_CATEGORIES, BLOCKER_CATEGORY_LABELS],
  ])('labels every one of the %s in Chinese and English, and nothing else', (_, keys, labels) => {
    expect(Object.keys(labels)).toEqual([...keys]);
    for (const key of keys) {
      expect(labels[key].zh).toMatch(/\p{Script=Han}/u);
      expect(labels[key].en).toMatch(/^[A-Z]/);
    }
  });

  it('picks a label in the requested language, Chinese by default', () => {
    expect(labelText(AGREEMENT_KIND_LABELS.land_transfer)).toBe('土地出让合同');
    expect(labelText(AGREEMENT_KIND_LABELS.land_transfer, 'en')).toBe('Land-transfer contract');
  });

  it('recognises members of an enumeration and nothing else', () => {
    expect(isOneOf(CHANNELS, 'expo')).toBe(true);
    expect(isOneOf(CHANNELS, 'EXPO')).toBe(false);
    expect(isOneOf(CHANNELS, null)).toBe(false);
  });
});
