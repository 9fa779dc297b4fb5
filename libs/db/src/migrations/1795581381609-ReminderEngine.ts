import { MigrationInterface, QueryRunner } from "typeorm";

/** The reminder engine: rules (seeded with their defaults), the ledger of fired levels, the deliveries outbox, in-app notifications, calendar overrides, and the indexes its scans use. */

export class ReminderEngine1795581381609 implements MigrationInterface {
    name = 'ReminderEngine1795581381609'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "calendar_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "kind" character varying(10) NOT NULL, "name" character varying(50), "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b23f682172d62c4a5d0a8bec475" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5da0adcfdcb3ce929cd0845d9a" ON "calendar_overrides"  ("date") `);
        await queryRunner.query(`CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reminder_id" uuid, "cause_key" character varying(300) NOT NULL, "rule" character varying(40) NOT NULL, "level" smallint NOT NULL, "recipient_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "project_id" uuid, "subject_type" character varying(20), "subject_id" uuid, "title" character varying(300) NOT NULL, "body" text NOT NULL, "link" character varying(1000), "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE, "enqueued_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_bb2168befc136f849ec36d8425" ON "deliveries"  ("reminder_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_6acedef6fda738107f7deca2b6" ON "deliveries"  ("status", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_deliveries_pending_by_subject" ON "deliveries"  ("subject_id") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE INDEX "IDX_deliveries_pending_by_project" ON "deliveries"  ("project_id") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE INDEX "IDX_deliveries_pending_by_not_before" ON "deliveries"  ("not_before", "id") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_deliveries_cause_recipient_level_channel" ON "deliveries"  ("cause_key", "recipient_id", "level", "channel") `);
        await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "delivery_id" uuid NOT NULL, "rule" character varying(40) NOT NULL, "level" smallint NOT NULL, "project_id" uuid, "subject_type" character varying(20), "subject_id" uuid, "title" character varying(300) NOT NULL, "body" text NOT NULL, "link" character varying(1000), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "REL_e3734e07713085ced19176d4d0" UNIQUE ("delivery_id"), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_notifications_unread" ON "notifications"  ("recipient_id") WHERE read_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_86fce636485e51f0ff3d5e1038" ON "notifications"  ("recipient_id", "created_at", "id") `);
        await queryRunner.query(`CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cause_key" character varying(300) NOT NULL, "rule" character varying(40) NOT NULL, "level" smallint NOT NULL, "subject_type" character varying(20) NOT NULL, "subject_id" uuid NOT NULL, "project_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recipient_count" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_297352062d099c5d95194fc7bc" ON "reminders"  ("created_at", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5bd00b01be38504f35b9c53e1f" ON "reminders"  ("cause_key", "level") `);
        await queryRunner.query(`CREATE TABLE "reminder_rules" ("rule" character varying(40) NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "threshold" jsonb, "stage_thresholds" jsonb, "escalation" jsonb NOT NULL, "channels" character varying(16) array NOT NULL DEFAULT '{}', "updated_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_21a65e5c380dc9a1d7d2090c640" PRIMARY KEY ("rule"))`);
        await queryRunner.query(`CREATE INDEX "IDX_projects_stage_last_activity" ON "projects"  ("stage", "last_activity_at") WHERE deleted_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_agreements_committed_production_on" ON "agreements"  ("committed_production_on") WHERE deleted_at IS NULL AND committed_production_on IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_agreements_committed_start_on" ON "agreements"  ("committed_start_on") WHERE deleted_at IS NULL AND committed_start_on IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_agreements_committed_land_on" ON "agreements"  ("committed_land_on") WHERE deleted_at IS NULL AND committed_land_on IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "FK_2499c339279740e77a256d15646" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_e3734e07713085ced19176d4d07" FOREIGN KEY ("delivery_id") REFERENCES "deliveries"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        // the default reminder rules (DOMAIN.md "Reminders" and "What the best practice adds"); admins change them via /api/reminder-rules
        await queryRunner.query(`INSERT INTO "reminder_rules" ("rule", "enabled", "threshold", "stage_thresholds", "escalation", "channels") VALUES
            ('lead_unassigned', true, '{"value":1,"unit":"working_days"}', NULL, '{"officer":null,"leader":null,"managers":{"value":0,"unit":"hours"}}', '{email,wecom,dingtalk,feishu}'),
            ('lead_unscreened', true, NULL, NULL, '{"officer":{"value":0,"unit":"hours"},"leader":null,"managers":{"value":1,"unit":"working_days"}}', '{email,wecom,dingtalk,feishu}'),
            ('task_due', true, NULL, NULL, '{"officer":{"value":0,"unit":"hours"},"leader":null,"managers":null}', '{email,wecom,dingtalk,feishu}'),
            ('task_overdue', true, NULL, NULL, '{"officer":null,"leader":{"value":2,"unit":"working_days"},"managers":{"value":5,"unit":"working_days"}}', '{email,wecom,dingtalk,feishu}'),
            ('stale_project', true, NULL, '{"negotiation":{"value":30,"unit":"working_days"},"agreement":{"value":20,"unit":"working_days"},"contract":{"value":20,"unit":"working_days"},"land_delivered":{"value":15,"unit":"working_days"}}', '{"officer":{"value":0,"unit":"hours"},"leader":null,"managers":{"value":10,"unit":"working_days"}}', '{email,wecom,dingtalk,feishu}'),
            ('committed_date_approaching', true, '{"value":7,"unit":"days"}', NULL, '{"officer":{"value":0,"unit":"hours"},"leader":null,"managers":null}', '{email,wecom,dingtalk,feishu}'),
            ('committed_date_overdue', true, NULL, NULL, '{"officer":{"value":0,"unit":"hours"},"leader":{"value":3,"unit":"working_days"},"managers":{"value":10,"unit":"working_days"}}', '{email,wecom,dingtalk,feishu}'),
            ('milestone_overdue', true, NULL, NULL, '{"officer":{"value":0,"unit":"hours"},"leader":{"value":3,"unit":"working_days"},"managers":null}', '{email,wecom,dingtalk,feishu}'),
            ('blocker_overdue', true, NULL, NULL, '{"officer":{"value":0,"unit":"hours"},"leader":{"value":3,"unit":"working_days"},"managers":null}', '{email,wecom,dingtalk,feishu}')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_e3734e07713085ced19176d4d07"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d"`);
        await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_2499c339279740e77a256d15646"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_agreements_committed_land_on"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_agreements_committed_start_on"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_agreements_committed_production_on"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_projects_stage_last_activity"`);
        await queryRunner.query(`DROP TABLE "reminder_rules"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5bd00b01be38504f35b9c53e1f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_297352062d099c5d95194fc7bc"`);
        await queryRunner.query(`DROP TABLE "reminders"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_86fce636485e51f0ff3d5e1038"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_notifications_unread"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_deliveries_cause_recipient_level_channel"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_deliveries_pending_by_not_before"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_deliveries_pending_by_project"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_deliveries_pending_by_subject"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6acedef6fda738107f7deca2b6"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bb2168befc136f849ec36d8425"`);
        await queryRunner.query(`DROP TABLE "deliveries"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5da0adcfdcb3ce929cd0845d9a"`);
        await queryRunner.query(`DROP TABLE "calendar_overrides"`);
    }

}
