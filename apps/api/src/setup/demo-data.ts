/**
 * The demo data set, built from the figures of the park work reports in shared/seed/: the 工业城 of the
 * first report (天齐锂业, 佐鲁纺织, 凯越光电, the transformer plant …), Guandu park's 25 firms of which 12
 * started (the fourth report), and Dadaowan's 11 landed projects worth 21.05 亿元 with 22 in negotiation.
 * Dates are relative to the day the data is loaded (`daysAgo`), so that some follow-ups are overdue.
 */
import type { AgreementKind, Channel, PipelineStage } from '@zs/domain';

export const DEMO_PASSWORD = 'demo-2026';

export interface DemoUser {
  key: string;
  username: string;
  displayName: string;
  role: 'manager' | 'leader' | 'officer';
  park: DemoParkKey;
}

export type DemoParkKey = 'root' | 'industrial_city' | 'guandu' | 'dadaowan' | 'desheng' | 'nuanquan';

export const DEMO_PARKS: { key: Exclude<DemoParkKey, 'root'>; name: string; parent: DemoParkKey }[] = [
  { key: 'industrial_city', name: '工业城', parent: 'root' },
  { key: 'guandu', name: '官渡工业园区', parent: 'root' },
  { key: 'dadaowan', name: '大道湾园区', parent: 'root' },
  { key: 'desheng', name: '德胜片区', parent: 'dadaowan' },
  { key: 'nuanquan', name: '暖泉片区', parent: 'dadaowan' },
];

export const DEMO_USERS: DemoUser[] = [
  { key: 'manager', username: 'zhangju', displayName: '张局长', role: 'manager', park: 'root' },
  { key: 'leader', username: 'wangfz', displayName: '王副总', role: 'leader', park: 'root' },
  { key: 'leader2', username: 'liufz', displayName: '刘副主任', role: 'leader', park: 'root' },
  { key: 'liming', username: 'liming', displayName: '李明', role: 'officer', park: 'industrial_city' },
  { key: 'chenjing', username: 'chenjing', displayName: '陈静', role: 'officer', park: 'guandu' },
  { key: 'zhaolei', username: 'zhaolei', displayName: '赵磊', role: 'officer', park: 'dadaowan' },
];

export interface DemoProject {
  park: DemoParkKey;
  owner: string;
  leader?: string;
  company: { name: string; country?: string; province?: string; city?: string; creditCode?: string };
  name: string;
  industry: string;
  channel: Channel;
  originRegion?: string;
  totalInvestment: number;
  landAreaMu?: number;
  /** The stages it went through, each with the day it was entered (days before the load). */
  path: [PipelineStage, number][];
  agreement?: { kind: AgreementKind; amount?: number; committedStartIn?: number; committedProductionIn?: number };
  blocker?: { category: string; description: string; dueIn: number };
  followUpIn?: number;
  funds?: number;
}

const ic = 'industrial_city';

/** 工业城: the first report's projects. */
const INDUSTRIAL_CITY: DemoProject[] = [
  { park: ic, owner: 'liming', leader: 'leader', company: { name: '天齐锂业股份有限公司', province: '四川', city: '射洪' }, name: '年产1500吨高纯氯化锂项目',
    industry: 'lithium_materials', channel: 'investor_referral', originRegion: 'sichuan', totalInvestment: 5200,
    path: [['negotiation', 900], ['agreement', 860], ['contract', 840], ['land_delivered', 820], ['construction', 800], ['production', 500]], agreement: { kind: 'investment' }, funds: 5200 },
  { park: ic, owner: 'liming', leader: 'leader', company: { name: '天齐锂业股份有限公司' }, name: '5000吨/年电池级碳酸锂技改项目',
    industry: 'lithium_materials', channel: 'investor_referral', originRegion: 'sichuan', totalInvestment: 18000, landAreaMu: 60,
    path: [['negotiation', 600], ['agreement', 560], ['contract', 540], ['land_delivered', 500], ['construction', 450], ['production', 120]], agreement: { kind: 'investment' }, funds: 16500 },
  { park: ic, owner: 'liming', leader: 'leader', company: { name: '佐鲁纺织股份公司', country: 'TR' }, name: '土耳其佐鲁纺织合作项目一期（喷气织机180台）',
    industry: 'textile', channel: 'government', originRegion: 'overseas', totalInvestment: 15000, landAreaMu: 150,
    path: [['negotiation', 700], ['agreement', 420], ['contract', 400], ['land_delivered', 380], ['construction', 360], ['production', 200]], agreement: { kind: 'framework', amount: 200000 }, funds: 15000 },
  { park: ic, owner: 'liming', leader: 'leader2', company: { name: '佐鲁纺织股份公司', country: 'TR' }, name: '佐鲁家纺印染二期项目',
    industry: 'textile', channel: 'investor_referral', originRegion: 'overseas', totalInvestment: 60000, landAreaMu: 300,
    path: [['negotiation', 90]], followUpIn: -3 },
  { park: ic, owner: 'liming', leader: 'leader', company: { name: '凯越光电科技股份有限公司' }, name: 'LED研发基地及芯片、显示屏生产线',
    industry: 'led', channel: 'industry_chain', originRegion: 'guangdong', totalInvestment: 30000, landAreaMu: 180,
    path: [['negotiation', 400], ['agreement', 330], ['contract', 300], ['land_delivered', 260], ['construction', 200]], agreement: { kind: 'investment', committedProductionIn: -10 },
    blocker: { category: 'funding', description: '二期资金缺口约8000万元，正在协调银行贷款', dueIn: -5 }, funds: 7500 },
  { park: ic, owner: 'liming', leader: 'leader2', company: { name: '源电气设备制造有限公司' }, name: '输变电设备制造项目（变压器生产基地）',
    industry: 'power_equipment', channel: 'door_knocking', originRegion: 'shaanxi', totalInvestment: 12000, landAreaMu: 100,
    path: [['negotiation', 500], ['agreement', 470], ['contract', 450], ['land_delivered', 420], ['construction', 380], ['production', 150]], agreement: { kind: 'land_transfer' }, funds: 9000 },
  { park: ic, owner: 'liming', company: { name: '弘程环保建材有限公司' }, name: '环保制砖生产线',
    industry: 'other', channel: 'door_knocking', originRegion: 'shaanxi', totalInvestment: 3000, landAreaMu: 40,
    path: [['negotiation', 650], ['agreement', 620], ['contract', 610], ['land_delivered', 600], ['construction', 580], ['production', 400]], agreement: { kind: 'investment' }, funds: 3000 },
  { park: ic, owner: 'liming', company: { name: '安浪家纺有限公司' }, name: '5万锭棉纺项目',
    industry: 'textile', channel: 'expo', originRegion: 'zhejiang', totalInvestment: 8000, landAreaMu: 80,
    path: [['negotiation', 450], ['agreement', 430], ['contract', 420], ['land_delivered', 400], ['construction', 380], ['production', 100]], agreement: { kind: 'investment' }, funds: 8000 },
  { park: ic, owner: 'liming', leader: 'leader', company: { name: '天齐锂业股份有限公司' }, name: '200吨金属锂及技术中心扩建项目',
    industry: 'lithium_materials', channel: 'investor_referral', originRegion: 'sichuan', totalInvestment: 9000, landAreaMu: 45,
    path: [['negotiation', 300], ['agreement', 260], ['contract', 240], ['land_delivered', 210], ['construction', 150]], agreement: { kind: 'investment', committedProductionIn: 5 }, funds: 4000 },
  { park: ic, owner: 'liming', company: { name: '温岭精纺有限公司', province: '浙江', city: '温岭' }, name: '精纺面料生产项目',
    industry: 'textile', channel: 'investor_referral', originRegion: 'zhejiang', totalInvestment: 6000,
    path: [['negotiation', 120], ['agreement', 60]], agreement: { kind: 'intent', committedStartIn: 4 }, followUpIn: 0 },
  { park: ic, owner: 'liming', company: { name: '西部锂电材料科技有限公司' }, name: '锂电池正极材料项目',
    industry: 'lithium_materials', channel: 'industry_chain', originRegion: 'jiangsu', totalInvestment: 25000, landAreaMu: 120,
    path: [['negotiation', 45]], followUpIn: -1 },
  { park: ic, owner: 'liming', company: { name: '华能医用气体有限公司' }, name: '工业氧气和医用氧气分装项目',
    industry: 'fine_chemicals', channel: 'online', originRegion: 'sichuan', totalInvestment: 1500,
    path: [], followUpIn: 2 },
];

const GUANDU_FIRMS = [
  '昆明精工机械', '滇中汽车零部件', '云岭食品', '春城生物制药', '金马物流', '宏达精密铸造', '滇池包装材料', '普洱茶叶加工',
  '华联电子元件', '新亚建材', '云天化工助剂', '鑫源五金制品', '博达数控设备', '瑞丰食品', '南天医疗器械', '恒通汽车配件',
  '绿源环保科技', '天马精密模具', '昆钢新型材料', '宝象物流', '高原特色农产品加工', '云南纺织新材料', '星火电力设备', '康恩贝药业', '嘉禾机电',
];
const GUANDU_INDUSTRIES = ['precision_manufacturing', 'auto_parts', 'food_processing', 'biomedicine', 'logistics'];
const GUANDU_BLOCKERS = [
  { category: 'power', description: '电力配套不到位，专线尚未接入' },
  { category: 'permits', description: '施工许可证办理进度慢' },
  { category: 'funding', description: '企业资金缺口，开工计划推迟' },
  { category: 'construction_drawings', description: '施工图设计周期长' },
  { category: 'land', description: '企业拿地后未动工，需督促排出开工计划' },
];

/** 官渡工业园区: 25 firms entered the park this year, 12 started construction, 13 did not (start rate 48%). */
const GUANDU: DemoProject[] = GUANDU_FIRMS.map((firm, i) => {
  const started = i < 12;
  const industry = GUANDU_INDUSTRIES[i % GUANDU_INDUSTRIES.length];
  const path: [PipelineStage, number][] = [['negotiation', 300 - i * 5], ['agreement', 240 - i * 5], ['contract', 220 - i * 5], ['land_delivered', 200 - i * 6]];
  if (started) path.push(['construction', 120 - i * 5]);
  return {
    park: 'guandu', owner: 'chenjing', leader: i % 2 ? 'leader' : 'leader2',
    company: { name: `${firm}有限公司`, province: '云南', city: '昆明' },
    name: `${firm}生产基地项目`, industry, channel: (['door_knocking', 'industry_chain', 'expo', 'agent'] as Channel[])[i % 4], originRegion: (['yunnan', 'guangdong', 'zhejiang', 'sichuan'])[i % 4],
    totalInvestment: 3000 + ((i * 1370) % 12000), landAreaMu: 30 + ((i * 7) % 70),
    path,
    agreement: { kind: 'land_transfer', committedStartIn: started ? undefined : -20 + i },
    blocker: started ? undefined : { ...GUANDU_BLOCKERS[i % GUANDU_BLOCKERS.length], dueIn: -7 + (i % 10) },
    followUpIn: started ? undefined : (i % 5) - 3,
    funds: started ? 1000 + i * 100 : undefined,
  };
});

/** 大道湾园区: 11 projects entered with 21.05 亿元 in total and land fees paid; 10 preparing planning approval; 22 in negotiation. */
const DADAOWAN_LANDED_AMOUNTS = [35000, 28000, 25500, 22000, 20000, 18000, 16000, 15000, 13000, 10000, 8000]; // Σ = 210,500 万元 = 21.05 亿元
const DADAOWAN: DemoProject[] = [
  ...DADAOWAN_LANDED_AMOUNTS.map((amount, i): DemoProject => ({
    park: i % 2 ? 'desheng' : 'nuanquan', owner: 'zhaolei', leader: 'leader',
    company: { name: `大道湾入园企业${i + 1}号（${['新能源', '装备制造', '食品', '新材料', '物流'][i % 5]}）有限公司`, province: '湖北' },
    name: `${['新能源电池', '智能装备', '绿色食品', '新型材料', '冷链物流'][i % 5]}产业园项目（${i + 1}）`,
    industry: ['lithium_materials', 'precision_manufacturing', 'food_processing', 'fine_chemicals', 'logistics'][i % 5],
    channel: (['industry_chain', 'investor_referral', 'door_knocking'] as Channel[])[i % 3], originRegion: ['hubei', 'guangdong', 'jiangsu', 'shanghai'][i % 4],
    totalInvestment: amount, landAreaMu: Math.round(amount / 250),
    path: [['negotiation', 330 - i * 3], ['agreement', 280 - i * 3], ['contract', 250 - i * 3], ['land_delivered', 200 - i * 5]],
    agreement: { kind: 'investment', committedStartIn: 30 - i * 4 },
  })),
  ...Array.from({ length: 10 }, (_, i): DemoProject => ({
    park: 'dadaowan', owner: 'zhaolei', leader: 'leader2',
    company: { name: `大道湾签约企业${i + 1}号有限公司` }, name: `规划报批项目（${i + 1}）`,
    industry: ['auto_parts', 'biomedicine', 'modern_services'][i % 3], channel: 'door_knocking', originRegion: 'hubei',
    totalInvestment: 4000 + i * 900,
    path: [['negotiation', 150 - i * 4], ['agreement', 100 - i * 4], ['contract', 70 - i * 4]],
    agreement: { kind: 'investment', committedStartIn: 60 - i * 8 },
  })),
  ...Array.from({ length: 22 }, (_, i): DemoProject => ({
    park: 'dadaowan', owner: 'zhaolei', leader: i % 3 ? undefined : 'leader',
    company: { name: `在谈客商${i + 1}号有限公司`, province: ['广东', '浙江', '江苏', '上海'][i % 4] }, name: `在谈项目（${i + 1}）`,
    industry: ['textile', 'led', 'power_equipment', 'auto_parts', 'food_processing', 'biomedicine'][i % 6],
    channel: (['online', 'expo', 'agent', 'investor_referral'] as Channel[])[i % 4], originRegion: ['guangdong', 'zhejiang', 'jiangsu', 'shanghai'][i % 4],
    totalInvestment: 2000 + ((i * 2300) % 20000),
    path: [['negotiation', 60 - i * 2]],
    followUpIn: (i % 7) - 4,
  })),
];

export const DEMO_PROJECTS: DemoProject[] = [...INDUSTRIAL_CITY, ...GUANDU, ...DADAOWAN];

/**
 * 招商线索 at every step of the workflow, so that the 线索 screens do not start empty; firms named in the seed's
 * reports (中通快递, 红星美凯龙, 昊裕油脂, 艾尼科技) and one more report of 天齐锂业, a suspected duplicate of the
 * company and its projects. Each is logged, assigned and screened through LeadsService (statuses, screening due
 * dates); `receivedDaysAgo` dates the tip.
 */
export interface DemoLead {
  key: string;
  park: DemoParkKey;
  /** who logged it (a DEMO_USERS key) */
  reporter: string;
  title: string;
  companyName: string;
  contactName?: string;
  contactMobile?: string;
  industry: string;
  channel: Channel;
  referrer?: string;
  originRegion?: string;
  estimatedInvestment?: number;
  summary: string;
  receivedDaysAgo: number;
  /** assigned by the manager (or, when the reporter, logged as their own) */
  assignee?: string;
  screening?: { decision: 'pursue' | 'reject'; opinion: string; note?: string };
}

export const DEMO_LEADS: DemoLead[] = [
  { key: 'new', park: 'guandu', reporter: 'chenjing', title: '中通快递滇中区域分拨中心项目', companyName: '中通快递股份有限公司',
    contactName: '周经理', contactMobile: '139 8712 0456', industry: 'logistics', channel: 'investor_referral', referrer: '市物流行业协会',
    originRegion: 'zhejiang', estimatedInvestment: 12000,
    summary: '中通快递拟在滇中布局区域分拨中心，需用地约80亩，要求临近高速出入口，已表达考察园区的意向。', receivedDaysAgo: 1 },
  { key: 'assigned', park: 'industrial_city', reporter: 'manager', assignee: 'liming', title: '红星美凯龙家居商贸综合体项目',
    companyName: '红星美凯龙家居集团股份有限公司', contactName: '吴总', contactMobile: '138 1002 7789', industry: 'modern_services', channel: 'expo',
    referrer: '西洽会对接', originRegion: 'shanghai', estimatedInvestment: 30000,
    summary: '西洽会期间与红星美凯龙西北区负责人接洽，对方有意在县城新区建设家居商贸综合体，请研判用地性质与商业配套。', receivedDaysAgo: 3 },
  { key: 'pursuing', park: 'dadaowan', reporter: 'zhaolei', assignee: 'zhaolei', title: '昊裕油脂年产10万吨食用油精炼项目',
    companyName: '昊裕油脂有限公司', contactName: '马建国', contactMobile: '135 0951 3321', industry: 'food_processing', channel: 'door_knocking',
    originRegion: 'ningxia', estimatedInvestment: 8000,
    summary: '上门走访昊裕油脂，企业计划扩建精炼和灌装生产线，需标准厂房及约50亩用地。', receivedDaysAgo: 12,
    screening: { decision: 'pursue', opinion: '符合园区食品加工主导产业，投资强度达标，环评风险低，建议跟进并尽快安排实地考察。' } },
  { key: 'rejected', park: 'guandu', reporter: 'chenjing', assignee: 'chenjing', title: '艾尼科技电镀加工项目', companyName: '艾尼科技有限公司',
    industry: 'fine_chemicals', channel: 'agent', referrer: '招商代理', originRegion: 'guangdong', estimatedInvestment: 2500,
    summary: '代理机构推荐的电镀加工项目，主要为五金件表面处理，拟租用标准厂房。', receivedDaysAgo: 20,
    screening: { decision: 'reject', opinion: '含电镀工序，属重污染行业，不符合园区产业定位和环评准入要求。', note: '电镀工序不符合园区环保准入，且投资强度低于每亩200万元' } },
  { key: 'duplicate', park: 'industrial_city', reporter: 'leader', assignee: 'liming', title: '天齐锂业碳酸锂扩产项目', companyName: '天齐锂业股份有限公司',
    industry: 'lithium_materials', channel: 'investor_referral', referrer: '市商务局转来', originRegion: 'sichuan', estimatedInvestment: 9500,
    summary: '市商务局转来天齐锂业扩产信息，拟新增碳酸锂产能，可能与园区已在跟进的天齐锂业项目重复，请研判。', receivedDaysAgo: 2 },
];
