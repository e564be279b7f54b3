CREATE SCHEMA IF NOT EXISTS "households";
--> statement-breakpoint
CREATE TYPE "households"."household_status" AS ENUM('IDENTIFIED', 'ASSESSED', 'SUPPORTED', 'MONITORING', 'CLOSED');--> statement-breakpoint
CREATE TYPE "households"."income_band" AS ENUM('BASIC_LIVELIHOOD_RECIPIENT', 'NEAR_POOR', 'BELOW_50_PERCENT_MEDIAN', 'BELOW_75_PERCENT_MEDIAN', 'BELOW_100_PERCENT_MEDIAN', 'ABOVE_MEDIAN');--> statement-breakpoint
CREATE TYPE "households"."member_relation" AS ENUM('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER_RELATIVE', 'OTHER');--> statement-breakpoint
CREATE TYPE "households"."vulnerability_flag" AS ENUM('SINGLE_PARENT', 'ELDERLY_LIVING_ALONE', 'GRANDPARENT_CAREGIVER', 'MULTICULTURAL_FAMILY', 'DISABILITY', 'INFANT', 'PREGNANT');--> statement-breakpoint
CREATE TABLE "households"."household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"birth_year" integer NOT NULL,
	"relation" "households"."member_relation" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_birth_year_check" CHECK ("households"."household_members"."birth_year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "households"."households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"district" text NOT NULL,
	"dong" text NOT NULL,
	"income_band" "households"."income_band" NOT NULL,
	"vulnerability_flags" "households"."vulnerability_flag"[] DEFAULT '{}' NOT NULL,
	"status" "households"."household_status" DEFAULT 'IDENTIFIED' NOT NULL,
	"handling_centre_id" uuid NOT NULL,
	"handling_organisation_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_reference_key" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "households"."household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "households"."household_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "households_organisation_created_idx" ON "households"."households" USING btree ("handling_organisation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "households_organisation_district_dong_idx" ON "households"."households" USING btree ("handling_organisation_id","district","dong");--> statement-breakpoint
CREATE INDEX "households_organisation_status_idx" ON "households"."households" USING btree ("handling_organisation_id","status");--> statement-breakpoint
CREATE INDEX "households_organisation_income_band_idx" ON "households"."households" USING btree ("handling_organisation_id","income_band");--> statement-breakpoint
CREATE INDEX "households_centre_idx" ON "households"."households" USING btree ("handling_centre_id");--> statement-breakpoint
CREATE INDEX "households_vulnerability_flags_idx" ON "households"."households" USING gin ("vulnerability_flags");