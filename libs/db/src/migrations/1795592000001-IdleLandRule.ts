import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The idle-land reminder (闲置土地处置办法): land delivered but not built on, one year after the committed start an
 * idle-land fee of 20% of the land price is due, after two years the land can be taken back. Defaults as in
 * RULE_DEFINITIONS: 60 days ahead to the officer, the leading official 5 working days later, the managers 10.
 */
export class IdleLandRule1795592000001 implements MigrationInterface {
  name = 'IdleLandRule1795592000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO "reminder_rules" ("rule", "enabled", "threshold", "stage_thresholds", "escalation", "channels") VALUES
      ('idle_land_deadline', true, '{"value":60,"unit":"days"}', NULL,
       '{"officer":{"value":0,"unit":"hours"},"leader":{"value":5,"unit":"working_days"},"managers":{"value":10,"unit":"working_days"}}',
       '{email,wecom,dingtalk,feishu}')
      ON CONFLICT ("rule") DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "reminder_rules" WHERE "rule" = 'idle_land_deadline'`);
  }
}
