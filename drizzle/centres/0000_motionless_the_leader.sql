CREATE SCHEMA IF NOT EXISTS "centres";
--> statement-breakpoint
CREATE TYPE "centres"."centre_kind" AS ENUM('COMMUNITY_SERVICE_CENTRE', 'WELFARE_HUB', 'WIDE_AREA_WELFARE_CENTRE', 'FAMILY_CENTRE', 'HEALTH_CENTRE', 'SOCIAL_WELFARE_CENTRE', 'SENIOR_CENTRE', 'CHILDCARE_CENTRE', 'OTHER');--> statement-breakpoint
CREATE TYPE "centres"."organisation_kind" AS ENUM('CITY_GOVERNMENT', 'DISTRICT_OFFICE', 'COMMUNITY_SERVICE_CENTRE_OPERATOR', 'HEALTH_CENTRE', 'WELFARE_FOUNDATION', 'SOCIAL_WELFARE_CENTRE', 'COMPANY', 'VOLUNTEER_GROUP', 'COMMUNITY_GROUP', 'OTHER');--> statement-breakpoint
CREATE TYPE "centres"."sector" AS ENUM('PUBLIC', 'PRIVATE', 'NONPROFIT');--> statement-breakpoint
CREATE TABLE "centres"."centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "centres"."centre_kind" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"district" text NOT NULL,
	"dong" text,
	"address" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"phone" text,
	"opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centres"."organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sector" "centres"."sector" NOT NULL,
	"kind" "centres"."organisation_kind" NOT NULL,
	"phone" text,
	"email" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "centres"."centres" ADD CONSTRAINT "centres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "centres"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "centres_name_id_idx" ON "centres"."centres" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "centres_district_dong_idx" ON "centres"."centres" USING btree ("district","dong");--> statement-breakpoint
CREATE INDEX "centres_kind_idx" ON "centres"."centres" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "centres_organisation_idx" ON "centres"."centres" USING btree ("organisation_id","name","id");--> statement-breakpoint
CREATE INDEX "organisations_name_id_idx" ON "centres"."organisations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organisations_sector_kind_idx" ON "centres"."organisations" USING btree ("sector","kind");