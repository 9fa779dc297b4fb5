/**
 * The words the generated names are built from: real-sounding company brands, the seed's industries
 * (锂电新材料, 纺织, 光电 …), products, places and people. Every list is picked from by a hash of the row
 * number (see sql/functions.sql.ts), so a data set of a given size is the same every time.
 */

/** Brand = one character of each list (华瑞, 天齐, 恒通 …): 44 × 44 brands. */
export const BRAND_FIRST = [
  '天', '华', '恒', '宏', '金', '新', '中', '东', '远', '德', '瑞', '盛', '鑫', '联', '安', '正', '博', '凯', '永', '海',
  '长', '富', '汇', '信', '泰', '嘉', '兴', '明', '晨', '宇', '鼎', '振', '同', '佳', '创', '昊', '国', '力', '广', '亿',
  '万', '先', '巨', '通',
];
export const BRAND_SECOND = [
  '齐', '瑞', '达', '通', '丰', '源', '泰', '隆', '晟', '华', '信', '成', '诚', '辉', '宇', '峰', '阳', '光', '祥', '润',
  '鸿', '科', '美', '航', '邦', '威', '特', '顺', '茂', '洋', '正', '和', '众', '翔', '天', '星', '川', '海', '创', '利',
  '升', '恒', '图', '远',
];

/** Where investors come from: the name prefix of a company, and its `origin_region` dictionary key. */
export const REGIONS: [key: string, prefix: string, weight: number][] = [
  ['jiangsu', '江苏', 12], ['zhejiang', '浙江', 12], ['guangdong', '广东', 11], ['shanghai', '上海', 8], ['sichuan', '四川', 9],
  ['beijing', '北京', 6], ['shandong', '山东', 6], ['fujian', '福建', 5], ['chongqing', '重庆', 5], ['hubei', '湖北', 4],
  ['henan', '河南', 3], ['hunan', '湖南', 3], ['anhui', '安徽', 3], ['shaanxi', '陕西', 2], ['tianjin', '天津', 2],
  ['hong_kong', '香港', 3], ['taiwan', '台湾', 2], ['overseas', '境外', 4],
];

/** The industries of the dictionary (SeedDictionaries migration) with their weight and name parts. */
export const INDUSTRIES: { key: string; weight: number; words: string[]; products: string[] }[] = [
  { key: 'textile', weight: 12, words: ['纺织', '家纺', '棉纺', '服饰', '化纤'],
    products: ['年产5万锭精纺', '高档家纺面料', '智能纺织产业园', '功能性化纤', '服装智能制造基地'] },
  { key: 'lithium_materials', weight: 10, words: ['锂业', '锂电', '新能源材料', '储能'],
    products: ['年产1500吨高纯氯化锂', '年产2万吨碳酸锂', '动力电池正极材料', '锂电池隔膜', '储能电池生产线'] },
  { key: 'led', weight: 7, words: ['光电', '照明', '半导体', '显示'],
    products: ['LED外延片及芯片', '智能照明产业园', 'Mini LED显示模组', '光电子器件', '半导体封装测试'] },
  { key: 'power_equipment', weight: 7, words: ['电气', '变压器', '电力设备', '输变电'],
    products: ['年产3000台变压器', '智能输变电设备', '高低压成套开关', '特种电缆', '新能源电力装备'] },
  { key: 'auto_parts', weight: 9, words: ['汽车零部件', '汽配', '精工', '车桥'],
    products: ['汽车零部件生产基地', '新能源汽车电机', '汽车线束', '铝合金轮毂', '汽车内饰件'] },
  { key: 'precision_manufacturing', weight: 9, words: ['精密机械', '智能装备', '机电', '数控'],
    products: ['精密数控机床', '工业机器人', '智能装备制造基地', '精密模具', '液压件生产线'] },
  { key: 'food_processing', weight: 8, words: ['食品', '粮油', '饮品', '农业科技'],
    products: ['绿色食品加工', '年产10万吨粮油', '冷链食品产业园', '饮料灌装生产线', '农产品精深加工'] },
  { key: 'biomedicine', weight: 7, words: ['生物医药', '制药', '生物科技', '医疗器械'],
    products: ['原料药生产基地', '中药饮片', '医疗器械产业园', '生物制剂', '医用耗材生产线'] },
  { key: 'fine_chemicals', weight: 7, words: ['化工', '新材料', '精细化学', '涂料'],
    products: ['精细化工产业园', '环保涂料', '高分子新材料', '电子化学品', '特种助剂'] },
  { key: 'modern_services', weight: 6, words: ['科技', '信息技术', '数字科技', '商务服务'],
    products: ['数字经济产业园', '软件研发中心', '企业总部基地', '数据中心', '科技孵化器'] },
  { key: 'logistics', weight: 5, words: ['物流', '供应链', '仓储', '冷链'],
    products: ['智慧物流园', '区域分拨中心', '冷链仓储基地', '供应链管理中心', '保税仓储'] },
  { key: 'other', weight: 3, words: ['实业', '投资', '控股', '发展'],
    products: ['综合产业园', '商业综合体', '标准化厂房', '产业配套', '人才公寓'] },
];

export const LEGAL_FORMS = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司', '科技有限公司'];
export const PROJECT_SUFFIXES = ['项目', '项目', '项目', '建设项目', '扩建项目'];

/** `channel` keys with their share of projects. */
export const CHANNELS: [key: string, weight: number][] = [
  ['door_knocking', 25], ['investor_referral', 20], ['industry_chain', 18], ['expo', 12], ['online', 8], ['agent', 7],
  ['government', 7], ['other', 3],
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '梁', '郑', '谢', '宋', '唐'];
export const GIVEN_NAMES = ['伟', '芳', '敏', '静', '磊', '强', '洋', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '婷', '鹏', '飞', '浩', '宁', '欣', '雪', '建国', '志强', '海燕', '晓东', '文博', '子涵'];
export const CONTACT_TITLES = ['董事长', '总经理', '副总经理', '投资总监', '项目经理', '财务总监', '战略发展部部长'];

/** The parks of the generated province: each park under the bureau has two sub-areas (片区). */
export const PARKS = ['天府工业城', '官渡工业园区', '大道湾工业园区', '德胜工业园区', '暖泉工业园区', '高新技术产业园', '经济技术开发区', '临港产业园', '综合保税区', '现代物流园'];
export const SUB_AREAS = ['东片区', '西片区'];

export const VISIT_KINDS: [key: string, weight: number, summary: string][] = [
  ['outbound_visit', 26, '赴企业总部拜访，介绍园区产业配套和招商政策'],
  ['inbound_inspection', 16, '企业考察团来园区实地考察，查看拟选地块'],
  ['negotiation', 20, '就投资规模、用地和优惠政策进行洽谈'],
  ['call', 18, '电话沟通项目进展，了解企业投资决策安排'],
  ['video', 6, '视频会议对接项目可研报告和建设方案'],
  ['dispatch_meeting', 6, '项目调度会，协调解决前期手续和要素保障问题'],
  ['onsite_service', 8, '上门服务，协助办理开工前相关手续'],
];
export const VISIT_OUTCOMES = ['企业投资意向明确', '双方就主要条款达成一致', '企业需进一步内部决策', '待企业提交项目方案', '已形成会议纪要', null];
export const VISIT_PLACES = ['企业总部', '园区管委会', '拟选地块现场', '项目施工现场', '线上会议', '招商局会议室'];

export const TASK_TITLES = [
  '跟进投资协议条款', '报送项目可研报告', '协调用地指标', '对接环评手续', '陪同企业实地考察', '催办施工许可证',
  '确认供地时间', '落实电力配套方案', '组织项目调度会', '回访企业高层', '收集企业投资计划', '核实到位资金',
];

export const BLOCKER_TEXTS: [category: string, text: string][] = [
  ['power', '电力配套不到位，专线建设滞后'], ['permits', '施工许可证办理进度慢'], ['funding', '企业资金缺口较大，融资未落实'],
  ['land', '用地指标未落实，土地挂牌推迟'], ['construction_drawings', '施工图设计周期长'], ['infrastructure', '园区道路和管网配套未完成'],
  ['other', '企业投资计划调整'],
];
