// The API's response shapes as the web UI reads them (apps/api/src/**/*.view.ts; shared/API.md).
// Timestamps arrive as ISO strings, dates as 'YYYY-MM-DD', money in 万元 as numbers.

export const ROLES = ['admin', 'manager', 'leader', 'officer'] as const;
export type Role = (typeof ROLES)[number];

export const PIPELINE_STAGES = ['intention', 'negotiation', 'agreement', 'contract', 'land_delivered', 'construction', 'production'] as const;
export const OFF_PATH_STAGES = ['on_hold', 'dropped'] as const;
export const STAGES = [...PIPELINE_STAGES, ...OFF_PATH_STAGES] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type Stage = (typeof STAGES)[number];

export const CHANNELS = ['door_knocking', 'investor_referral', 'online', 'industry_chain', 'expo', 'agent', 'government', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const VISIT_KINDS = ['outbound_visit', 'inbound_inspection', 'negotiation', 'call', 'video', 'dispatch_meeting', 'onsite_service'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const AGREEMENT_KINDS = ['intent', 'framework', 'investment', 'land_transfer', 'supplementary'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const LEAD_STATUSES = ['new', 'assigned', 'pursuing', 'converted', 'rejected'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const MILESTONE_STATUSES = ['pending', 'in_progress', 'done', 'not_needed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const TASK_STATUSES = ['open', 'overdue', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `{id, displayName}`: whom a record names (GET /api/users/names). */
export interface UserRef {
  id: string;
  displayName: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  email: string | null;
  mobile: string | null;
  managerId: string | null;
  parkId: string;
  active: boolean;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

export interface Park {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  depth: number;
  version: number;
  deletedAt: string | null;
  createdAt: string;
}

export interface ParkTreeNode {
  id: string;
  name: string;
  parentId: string | null;
  children: ParkTreeNode[];
}

export interface DictionaryItem {
  key: string;
  label: string;
  retired?: boolean;
}

export interface Dictionaries {
  industries: DictionaryItem[];
  channels: DictionaryItem[];
  regions: DictionaryItem[];
}

export interface Company {
  id: string;
  parkId: string;
  name: string;
  creditCode: string | null;
  country: string;
  province: string | null;
  city: string | null;
  industry: string;
  size: string | null;
  listed: boolean;
  website: string | null;
  registeredCapital: number | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

export interface Contact {
  id: string;
  companyId: string;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  primary: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

export interface CompanyProjectSummary {
  id: string;
  code: string;
  name: string;
  stage: Stage;
  totalInvestment: number;
}

export interface CompanyDetail extends Company {
  contacts: Contact[];
  projects: CompanyProjectSummary[];
}

export interface Project {
  id: string;
  code: string;
  name: string;
  parkId: string;
  companyId: string;
  companyName: string | null;
  industry: string;
  channel: Channel;
  originRegion: string | null;
  totalInvestment: number;
  fixedAssetInvestment: number | null;
  registeredCapital: number | null;
  landAreaMu: number | null;
  expectedAnnualOutput: number | null;
  expectedTax: number | null;
  expectedJobs: number | null;
  buildType: 'new' | 'continuing' | null;
  phase: string | null;
  ownerId: string;
  leaderId: string | null;
  assistantIds: string[];
  confidential: boolean;
  projectCode: string | null;
  landDeliveredOn: string | null;
  constructionStartedOn: string | null;
  completedOn: string | null;
  productionStartedOn: string | null;
  stage: Stage;
  stageEnteredAt: string;
  previousStage: PipelineStage | null;
  nextFollowUpAt: string | null;
  lastActivityAt: string;
  leadId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface StageHistoryEntry {
  from: Stage | null;
  to: Stage;
  at: string;
  by: PersonRef | null;
  note: string | null;
}

export interface FieldHistoryEntry {
  field: string;
  from: unknown;
  to: unknown;
  at: string;
  by: PersonRef | null;
}

export interface ProjectHistory {
  stages: StageHistoryEntry[];
  changes: FieldHistoryEntry[];
}

export interface Lead {
  id: string;
  parkId: string;
  title: string;
  companyName: string;
  companyId: string | null;
  creditCode: string | null;
  contactName: string | null;
  contactMobile: string | null;
  industry: string;
  channel: Channel;
  referrer: string | null;
  originRegion: string | null;
  estimatedInvestment: number | null;
  summary: string;
  receivedOn: string;
  assigneeId: string | null;
  assignedAt: string | null;
  status: LeadStatus;
  screeningDueOn: string | null;
  screenedAt: string | null;
  screeningOpinion: string | null;
  screeningNote: string | null;
  projectId: string | null;
  convertedAt: string | null;
  reportedById: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export type DuplicateReason = 'credit_code' | 'similar_name' | 'investor_industry_amount' | 'mobile';

export interface LeadDuplicate {
  kind: 'lead' | 'company' | 'project';
  id: string;
  name: string;
  reasons: DuplicateReason[];
}

export interface ConvertLeadResult {
  company: Company;
  contact: Contact | null;
  project: Project;
}

export interface Visit {
  id: string;
  projectId: string;
  projectName: string | null;
  kind: VisitKind;
  occurredAt: string;
  place: string | null;
  officerIds: string[];
  contactIds: string[];
  otherParticipants: string | null;
  summary: string;
  outcome: string | null;
  nextStep: string | null;
  nextFollowUpAt: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export interface Agreement {
  id: string;
  projectId: string;
  kind: AgreementKind;
  number: string | null;
  signedOn: string;
  amount: number;
  landAreaMu: number | null;
  investmentIntensity: number | null;
  committedLandOn: string | null;
  committedStartOn: string | null;
  committedProductionOn: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export interface Milestone {
  id: string;
  projectId: string;
  key: string;
  label: string;
  sortOrder: number;
  status: MilestoneStatus;
  dueOn: string | null;
  doneOn: string | null;
  ownerId: string | null;
  note: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Blocker {
  id: string;
  projectId: string;
  category: string;
  description: string;
  ownerId: string;
  dueOn: string;
  status: 'open' | 'overdue' | 'resolved';
  resolvedAt: string | null;
  resolution: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export interface Fund {
  id: string;
  projectId: string;
  amount: number;
  receivedOn: string;
  note: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export interface FundPage extends Page<Fund> {
  total: number;
}

export interface Task {
  id: string;
  projectId: string;
  projectName: string | null;
  projectCode: string | null;
  title: string;
  dueAt: string;
  assigneeId: string;
  status: TaskStatus;
  doneAt: string | null;
  doneById: string | null;
  visitId: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

/** One `{field, message}` of an error body's `details`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The API's one error shape (shared/API.md). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldIssue[];
  correlationId?: string;
}

export interface Notification {
  id: string;
  rule: string;
  level: number;
  projectId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

// ——— analytics (GET /api/analytics/*, /api/reports/briefing) ———

export interface Period {
  from: string;
  to: string;
}

export interface FunnelStage {
  stage: PipelineStage;
  label: string;
  entered: number;
  totalInvestment: number;
  conversionToNext: number | null;
  medianDays: number | null;
  p90Days: number | null;
  dropped: number;
  onHold: number;
}

export interface Funnel {
  period: Period;
  leads: { received: number; converted: number; rejected: number; conversionRate: number | null; medianDaysToScreen: number | null };
  stages: FunnelStage[];
  snapshot: { stage: Stage; label: string; count: number; totalInvestment: number }[];
  definitions: Record<string, string>;
}

export interface StageGroup {
  count: number;
  totalInvestment: number;
}

export interface Entered {
  signed: number;
  contracted: number;
  landed: number;
  started: number;
  producing: number;
}

export interface KpiFigures {
  active: StageGroup & { over100m: number; over50m: number };
  inContact: StageGroup;
  landed: StageGroup;
  entered: Entered;
  enteredInvestment: Entered;
  fundsInPlace: number;
  startRate: number | null;
  productionRate: number | null;
}

export interface BreakdownItem extends KpiFigures {
  key: string | null;
  label: string;
}

export interface Kpis extends KpiFigures {
  period: Period;
  definitions: Record<string, string>;
  breakdowns: { industry: BreakdownItem[]; channel: BreakdownItem[]; originRegion: BreakdownItem[]; owner: BreakdownItem[] };
  previous: KpiFigures & { period: Period };
  yearOnYear: {
    active: { count: number | null; totalInvestment: number | null };
    landed: { count: number | null; totalInvestment: number | null };
    entered: Record<keyof Entered, number | null>;
    fundsInPlace: number | null;
  };
}

export interface DispatchItem {
  kind: 'task' | 'milestone' | 'blocker' | 'committed_date';
  id: string;
  key: string | null;
  title: string;
  dueOn: string;
  dueAt: string | null;
  daysOverdue: number;
  ownerId: string | null;
}

export interface DispatchProject {
  id: string;
  code: string;
  name: string;
  parkId: string;
  stage: Stage;
  confidential: boolean;
  owner: PersonRef | null;
  overdueSince: string;
  daysOverdue: number;
  items: DispatchItem[];
}

export interface DispatchList {
  asOf: string;
  today: string;
  timeZone: string;
  projectCount: number;
  itemCount: number;
  groups: { leader: PersonRef | null; projects: DispatchProject[] }[];
}

export interface Briefing {
  period: string;
  language: 'zh-CN' | 'en';
  text: string;
  figures: KpiFigures & { period: Period };
}

// ——— administration ———

export type OffsetUnit = 'working_days' | 'days' | 'hours';
export interface Offset {
  value: number;
  unit: OffsetUnit;
}

export interface ReminderRule {
  rule: string;
  name: string;
  nameEn: string;
  description: string;
  subjectType: string;
  enabled: boolean;
  threshold: Offset | null;
  thresholdInfo: { meaning: string; units: OffsetUnit[] } | null;
  stageThresholds: Partial<Record<PipelineStage, Offset | null>> | null;
  escalation: { officer: Offset | null; leader: Offset | null; managers: Offset | null };
  targets: ('officer' | 'leader' | 'managers')[];
  channels: ExternalChannel[];
  version: number;
  updatedAt: string;
}

export type ExternalChannel = 'email' | 'wecom' | 'dingtalk' | 'feishu';
export type RobotKind = 'wecom' | 'dingtalk' | 'feishu';

export interface RobotWebhook {
  id: string;
  kind: RobotKind;
  name: string | null;
  url: string;
  secret: string | null;
  hasSecret: boolean;
  parkId: string | null;
  userId: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export interface MyChannels {
  email: string | null;
  emailEnabled: boolean;
  emailAvailable: boolean;
  webhooks: RobotWebhook[];
  teamWebhooks: RobotWebhook[];
  activeChannels: string[];
}

export interface ImportReport {
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  committed: boolean;
  errors: { row: number; column: string | null; field: string | null; message: string }[];
}

export interface CalendarYear {
  year: number;
  hasOfficialData: boolean;
  packageData: boolean;
  overrideCount: number;
  warning: string | null;
  days: { date: string; kind: 'holiday' | 'workday'; name: string | null; source: 'official' | 'override' }[];
}
