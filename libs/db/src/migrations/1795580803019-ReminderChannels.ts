import { MigrationInterface, QueryRunner } from "typeorm";

/** Generated from the entities: reminder channels — robot webhooks, users' channel settings, robot sends, digests, queue-dashboard tickets. */

export class ReminderChannels1795580803019 implements MigrationInterface {
    name = 'ReminderChannels1795580803019'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "digests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "recipient_id" uuid NOT NULL, "period" date NOT NULL, "item_count" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3849fbafde59a8a4abf182ad18c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0072a2935b0bc2e893c82c9ffc" ON "digests"  ("kind", "recipient_id", "period") `);
        await queryRunner.query(`CREATE TABLE "robot_sends" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "cause_key" character varying(300) NOT NULL, "level" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "claimed_by" uuid, "claimed_until" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b1da1d17e92846a2e9a6ee58dd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2f1d674ca704707ec4e6cdb5ab" ON "robot_sends"  ("webhook_id", "cause_key", "level") `);
        await queryRunner.query(`CREATE TABLE "robot_webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "kind" character varying(16) NOT NULL, "name" character varying(100), "url" character varying(1000) NOT NULL, "secret" character varying(200), "park_id" uuid, "user_id" uuid, "enabled" boolean NOT NULL DEFAULT true, "created_by_id" uuid, CONSTRAINT "CHK_robot_webhooks_one_owner" CHECK ((park_id IS NULL) <> (user_id IS NULL)), CONSTRAINT "PK_1f822b92e6b93e5157c651c7a89" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4655142b9af78f2815df0fdb2b" ON "robot_webhooks"  ("created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_82e2130365d9091ff5e0018e01" ON "robot_webhooks"  ("user_id") WHERE deleted_at IS NULL AND user_id IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_a3afabf222dbf7f1a84757971f" ON "robot_webhooks"  ("park_id") WHERE deleted_at IS NULL AND park_id IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "user_channel_settings" ("user_id" uuid NOT NULL, "email_enabled" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_4798cb9d75e265c9b5b6824a03a" PRIMARY KEY ("user_id"))`);
        await queryRunner.query(`CREATE TABLE "dashboard_tickets" ("token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_90d07aee92a9b31e00c940ff4da" PRIMARY KEY ("token_hash"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d9d09f88166cac7acc3bb34848" ON "dashboard_tickets"  ("expires_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_d9d09f88166cac7acc3bb34848"`);
        await queryRunner.query(`DROP TABLE "dashboard_tickets"`);
        await queryRunner.query(`DROP TABLE "user_channel_settings"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a3afabf222dbf7f1a84757971f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_82e2130365d9091ff5e0018e01"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4655142b9af78f2815df0fdb2b"`);
        await queryRunner.query(`DROP TABLE "robot_webhooks"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2f1d674ca704707ec4e6cdb5ab"`);
        await queryRunner.query(`DROP TABLE "robot_sends"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0072a2935b0bc2e893c82c9ffc"`);
        await queryRunner.query(`DROP TABLE "digests"`);
    }

}
