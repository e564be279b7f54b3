CREATE SCHEMA IF NOT EXISTS "councils";
--> statement-breakpoint
CREATE TYPE "councils"."council_kind" AS ENUM('DISTRICT_COUNCIL', 'REGIONAL_COUNCIL', 'DONG_COUNCIL', 'THEMATIC_COUNCIL');--> statement-breakpoint
CREATE TYPE "councils"."council_role" AS ENUM('CHAIR', 'VICE_CHAIR', 'SECRETARIAT', 'MEMBER');--> statement-breakpoint
CREATE TABLE "councils"."council_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "councils"."council_role" NOT NULL,
	"joined_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_memberships_council_organisation_key" UNIQUE("council_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "councils"."councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"district" text NOT NULL,
	"region" text,
	"kind" "councils"."council_kind" NOT NULL,
	"established_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "councils"."council_memberships" ADD CONSTRAINT "council_memberships_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "councils"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_memberships_council_idx" ON "councils"."council_memberships" USING btree ("council_id","joined_on","id");--> statement-breakpoint
CREATE INDEX "council_memberships_organisation_idx" ON "councils"."council_memberships" USING btree ("organisation_id","joined_on","id");--> statement-breakpoint
CREATE INDEX "councils_name_id_idx" ON "councils"."councils" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "councils_district_idx" ON "councils"."councils" USING btree ("district");--> statement-breakpoint
CREATE INDEX "councils_kind_idx" ON "councils"."councils" USING btree ("kind");