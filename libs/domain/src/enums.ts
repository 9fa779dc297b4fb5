import type { Label } from './labels';

/** Type guard: is `value` one of the keys in `values`? */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const ROLES = ['admin', 'manager', 'leader', 'officer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, Label> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  manager: { zh: '招商局领导', en: 'Manager' },
  leader: { zh: '包抓领导', en: 'Leading official' },
  officer: { zh: '招商专员', en: 'Investment officer' },
};

/** 招商方式: where a lead or project came from. */
export const CHANNELS = [
  'door_knocking',
  'investor_referral',
  'online',
  'industry_chain',
  'expo',
  'agent',
  'government',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, Label> = {
  door_knocking: { zh: '叩门招商', en: 'Door-knocking' },
  investor_referral: { zh: '以商招商', en: 'Investor referral' },
  online: { zh: '网上招商', en: 'Online' },
  industry_chain: { zh: '产业链招商', en: 'Industry chain' },
  expo: { zh: '展会招商', en: 'Expo / trade fair' },
  agent: { zh: '委托招商', en: 'Commissioned agent' },
  government: { zh: '政府推介', en: 'Government promotion' },
  other: { zh: '其他', en: 'Other' },
};

/** 走访/洽谈记录 kinds. */
export const VISIT_KINDS = [
  'outbound_visit',
  'inbound_inspection',
  'negotiation',
  'call',
  'video',
  'dispatch_meeting',
  'onsite_service',
] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, Label> = {
  outbound_visit: { zh: '外出拜访', en: 'Outbound visit' },
  inbound_inspection: { zh: '来访考察', en: 'Investor inspection' },
  negotiation: { zh: '洽谈', en: 'Negotiation' },
  call: { zh: '电话', en: 'Phone call' },
  video: { zh: '视频', en: 'Video call' },
  dispatch_meeting: { zh: '调度会', en: 'Dispatch meeting' },
  onsite_service: { zh: '上门服务', en: 'On-site service' },
};

/** 签约 kinds. Any kind is evidence for `agreement`; `investment` or `land_transfer` for `contract`. */
export const AGREEMENT_KINDS = ['intent', 'framework', 'investment', 'land_transfer', 'supplementary'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_KIND_LABELS: Record<AgreementKind, Label> = {
  intent: { zh: '意向协议', en: 'Letter of intent' },
  framework: { zh: '框架协议', en: 'Framework agreement' },
  investment: { zh: '投资协议', en: 'Investment agreement' },
  land_transfer: { zh: '土地出让合同', en: 'Land-transfer contract' },
  supplementary: { zh: '补充协议', en: 'Supplementary agreement' },
};

export const LEAD_STATUSES = ['new', 'assigned', 'pursuing', 'converted', 'rejected'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_STATUS_LABELS: Record<LeadStatus, Label> = {
  new: { zh: '待分派', en: 'New' },
  assigned: { zh: '已分派', en: 'Assigned' },
  pursuing: { zh: '跟进中', en: 'Pursuing' },
  converted: { zh: '已转化', en: 'Converted' },
  rejected: { zh: '已否决', en: 'Rejected' },
};

/** Status of one permit-chain (前期手续) step. */
export const MILESTONE_STATUSES = ['pending', 'in_progress', 'done', 'not_needed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, Label> = {
  pending: { zh: '未开始', en: 'Pending' },
  in_progress: { zh: '办理中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  not_needed: { zh: '无需办理', en: 'Not needed' },
};

/**
 * 问题/困难 categories: why projects stall (DOMAIN.md "Why projects stall": power not ready, permits slow,
 * funding gaps, land, long construction-drawing cycles).
 */
export const BLOCKER_CATEGORIES = [
  'power',
  'permits',
  'funding',
  'land',
  'construction_drawings',
  'infrastructure',
  'other',
] as const;
export type BlockerCategory = (typeof BLOCKER_CATEGORIES)[number];
export const BLOCKER_CATEGORY_LABELS: Record<BlockerCategory, Label> = {
  power: { zh: '电力配套', en: 'Power supply' },
  permits: { zh: '手续办理', en: 'Permits' },
  funding: { zh: '资金缺口', en: 'Funding gap' },
  land: { zh: '土地', en: 'Land' },
  construction_drawings: { zh: '施工图', en: 'Construction drawings' },
  infrastructure: { zh: '基础设施', en: 'Infrastructure' },
  other: { zh: '其他', en: 'Other' },
};
