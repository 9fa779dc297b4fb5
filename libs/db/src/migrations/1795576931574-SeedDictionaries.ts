import { MigrationInterface, QueryRunner } from 'typeorm';

type Entry = [key: string, zh: string, en: string];

const INDUSTRIES: Entry[] = [
  ['textile', '纺织服装', 'Textiles'],
  ['lithium_materials', '锂电新材料', 'Lithium materials'],
  ['led', '光电 LED', 'LED & optoelectronics'],
  ['power_equipment', '输变电设备', 'Power equipment'],
  ['auto_parts', '汽车零部件', 'Auto parts'],
  ['precision_manufacturing', '精密制造', 'Precision manufacturing'],
  ['food_processing', '食品加工', 'Food processing'],
  ['biomedicine', '生物医药', 'Biomedicine'],
  ['fine_chemicals', '精细化工', 'Fine chemicals'],
  ['modern_services', '现代服务业', 'Modern services'],
  ['logistics', '现代物流', 'Logistics'],
  ['other', '其他', 'Other'],
];

const CHANNELS: Entry[] = [
  ['door_knocking', '叩门招商', 'Door-knocking'],
  ['investor_referral', '以商招商', 'Investor referral'],
  ['online', '网上招商', 'Online'],
  ['industry_chain', '产业链招商', 'Industry chain'],
  ['expo', '展会招商', 'Expo / fair'],
  ['agent', '委托招商', 'Third-party agent'],
  ['government', '政府推介', 'Government promotion'],
  ['other', '其他', 'Other'],
];

const REGIONS: Entry[] = [
  ['beijing', '北京', 'Beijing'], ['tianjin', '天津', 'Tianjin'], ['hebei', '河北', 'Hebei'], ['shanxi', '山西', 'Shanxi'],
  ['inner_mongolia', '内蒙古', 'Inner Mongolia'], ['liaoning', '辽宁', 'Liaoning'], ['jilin', '吉林', 'Jilin'],
  ['heilongjiang', '黑龙江', 'Heilongjiang'], ['shanghai', '上海', 'Shanghai'], ['jiangsu', '江苏', 'Jiangsu'],
  ['zhejiang', '浙江', 'Zhejiang'], ['anhui', '安徽', 'Anhui'], ['fujian', '福建', 'Fujian'], ['jiangxi', '江西', 'Jiangxi'],
  ['shandong', '山东', 'Shandong'], ['henan', '河南', 'Henan'], ['hubei', '湖北', 'Hubei'], ['hunan', '湖南', 'Hunan'],
  ['guangdong', '广东', 'Guangdong'], ['guangxi', '广西', 'Guangxi'], ['hainan', '海南', 'Hainan'],
  ['chongqing', '重庆', 'Chongqing'], ['sichuan', '四川', 'Sichuan'], ['guizhou', '贵州', 'Guizhou'], ['yunnan', '云南', 'Yunnan'],
  ['tibet', '西藏', 'Tibet'], ['shaanxi', '陕西', 'Shaanxi'], ['gansu', '甘肃', 'Gansu'], ['qinghai', '青海', 'Qinghai'],
  ['ningxia', '宁夏', 'Ningxia'], ['xinjiang', '新疆', 'Xinjiang'], ['hong_kong', '香港', 'Hong Kong'], ['macao', '澳门', 'Macao'],
  ['taiwan', '台湾', 'Taiwan'], ['overseas', '境外', 'Overseas'],
];

/** The default dictionaries, from the seed's industries and the channels of shared/DOMAIN.md; admins edit them later. */
export class SeedDictionaries1795576931574 implements MigrationInterface {
  name = 'SeedDictionaries1795576931574';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [kind, entries] of [['industries', INDUSTRIES], ['channels', CHANNELS], ['regions', REGIONS]] as const) {
      for (const [index, [key, zh, en]] of entries.entries()) {
        await queryRunner.query(
          `INSERT INTO dictionary_entries (kind, key, label_zh, label_en, sort_order) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (kind, key) DO NOTHING`,
          [kind, key, zh, en, (index + 1) * 10],
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM dictionary_entries WHERE kind IN ('industries', 'channels', 'regions')`);
  }
}
