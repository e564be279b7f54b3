CREATE SCHEMA IF NOT EXISTS "programs";
--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express these). pg_trgm goes into "public" explicitly so that
-- every subgraph finds it at the same place whichever migration creates it first.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
-- The keys a service area answers to, for one GIN-indexed overlap test (see queries.ts):
-- '*' = no area restriction; '서초구' = the whole district; '서초구/반포2동' = that dong only;
-- '서초구~' = some dong of the district.
CREATE OR REPLACE FUNCTION "programs"."service_area_keys"(areas jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_array_length(areas) = 0 THEN ARRAY['*']
  ELSE ARRAY(
    SELECT DISTINCT keys.key
    FROM jsonb_array_elements(areas) AS area(value),
      LATERAL (VALUES
        (CASE WHEN area.value->>'dong' IS NULL THEN area.value->>'district' ELSE (area.value->>'district') || '/' || (area.value->>'dong') END),
        (CASE WHEN area.value->>'dong' IS NULL THEN NULL ELSE (area.value->>'district') || '~' END)
      ) AS keys(key)
    WHERE keys.key IS NOT NULL
    ORDER BY keys.key)
  END
$$;
--> statement-breakpoint
CREATE TYPE "programs"."application_method" AS ENUM('WALK_IN', 'REFERRAL_ONLY', 'PHONE', 'ONLINE');--> statement-breakpoint
CREATE TYPE "programs"."day_of_week" AS ENUM('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');--> statement-breakpoint
CREATE TYPE "programs"."funding" AS ENUM('PUBLIC', 'PRIVATE', 'JOINT');--> statement-breakpoint
CREATE TYPE "programs"."income_band" AS ENUM('BASIC_LIVELIHOOD_RECIPIENT', 'NEAR_POOR', 'BELOW_50_PERCENT_MEDIAN', 'BELOW_75_PERCENT_MEDIAN', 'BELOW_100_PERCENT_MEDIAN', 'ABOVE_MEDIAN');--> statement-breakpoint
CREATE TYPE "programs"."life_stage" AS ENUM('PREGNANCY', 'INFANCY', 'CHILDHOOD', 'YOUTH', 'ADULTHOOD', 'OLD_AGE');--> statement-breakpoint
CREATE TYPE "programs"."program_category" AS ENUM('MARRIAGE', 'PREGNANCY', 'CHILDBIRTH', 'CHILDCARE', 'EDUCATION', 'EMPLOYMENT', 'HEALTHCARE', 'ELDERLY_CARE', 'DISABILITY', 'HOUSING', 'FOOD', 'FINANCIAL_AID', 'TRANSPORT', 'FUNERAL', 'COUNSELLING', 'LEGAL_AID', 'MENTORING', 'CULTURE_AND_LEISURE', 'OTHER');--> statement-breakpoint
CREATE TYPE "programs"."program_status" AS ENUM('ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE');--> statement-breakpoint
CREATE TYPE "programs"."target_group" AS ENUM('LOW_INCOME', 'SINGLE_PARENT', 'ELDERLY_LIVING_ALONE', 'GRANDPARENT_CAREGIVER', 'MULTICULTURAL_FAMILY', 'PEOPLE_WITH_DISABILITY', 'PREGNANT_WOMEN', 'INFANTS', 'CHILDREN', 'YOUTH', 'CAREER_BREAK_WOMEN', 'OLDER_PEOPLE', 'NEWLYWEDS', 'CRISIS_HOUSEHOLDS', 'ALL_RESIDENTS');--> statement-breakpoint
CREATE TYPE "programs"."vulnerability_flag" AS ENUM('SINGLE_PARENT', 'ELDERLY_LIVING_ALONE', 'GRANDPARENT_CAREGIVER', 'MULTICULTURAL_FAMILY', 'DISABILITY', 'INFANT', 'PREGNANT');--> statement-breakpoint
CREATE TABLE "programs"."program_centres" (
	"program_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	CONSTRAINT "program_centres_program_id_centre_id_pk" PRIMARY KEY("program_id","centre_id")
);
--> statement-breakpoint
CREATE TABLE "programs"."program_sessions" (
	"program_id" uuid NOT NULL,
	"day" "programs"."day_of_week" NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	CONSTRAINT "program_sessions_program_id_day_opens_pk" PRIMARY KEY("program_id","day","opens"),
	CONSTRAINT "program_sessions_hours_check" CHECK (closes > opens)
);
--> statement-breakpoint
CREATE TABLE "programs"."programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text NOT NULL,
	"category" "programs"."program_category" NOT NULL,
	"life_stages" "programs"."life_stage"[] DEFAULT '{}' NOT NULL,
	"target_groups" "programs"."target_group"[] DEFAULT '{}' NOT NULL,
	"provider_organisation_id" uuid NOT NULL,
	"co_provider_organisation_ids" uuid[] DEFAULT '{}' NOT NULL,
	"funding" "programs"."funding" DEFAULT 'PUBLIC' NOT NULL,
	"service_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_area_keys" text[] GENERATED ALWAYS AS (programs.service_area_keys(service_areas)) STORED NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"max_income_band" "programs"."income_band",
	"residency_required" boolean DEFAULT false NOT NULL,
	"required_household_flags" "programs"."vulnerability_flag"[] DEFAULT '{}' NOT NULL,
	"required_documents" text[] DEFAULT '{}' NOT NULL,
	"eligibility_description" text,
	"cost" integer,
	"cost_description" text,
	"capacity" integer,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"has_free_seats" boolean GENERATED ALWAYS AS (capacity is null or seats_taken < capacity) STORED NOT NULL,
	"schedule_description" text,
	"how_to_apply" "programs"."application_method"[] DEFAULT '{}' NOT NULL,
	"application_url" text,
	"application_phone" text,
	"languages" text[] DEFAULT '{ko}' NOT NULL,
	"status" "programs"."program_status" DEFAULT 'ACTIVE' NOT NULL,
	"status_reason" text,
	"start_date" date,
	"end_date" date,
	"search_document" text GENERATED ALWAYS AS (name || ' ' || coalesce(alternate_name, '') || ' ' || description) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_capacity_check" CHECK (capacity is null or capacity >= 0),
	CONSTRAINT "programs_seats_taken_check" CHECK (seats_taken >= 0 and (capacity is null or seats_taken <= capacity)),
	CONSTRAINT "programs_age_check" CHECK ((min_age is null or min_age >= 0) and (max_age is null or max_age >= coalesce(min_age, 0))),
	CONSTRAINT "programs_cost_check" CHECK (cost is null or cost >= 0),
	CONSTRAINT "programs_dates_check" CHECK (end_date is null or start_date is null or end_date >= start_date)
);
--> statement-breakpoint
ALTER TABLE "programs"."program_centres" ADD CONSTRAINT "program_centres_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs"."program_sessions" ADD CONSTRAINT "program_sessions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_centres_centre_idx" ON "programs"."program_centres" USING btree ("centre_id","program_id");--> statement-breakpoint
CREATE INDEX "program_sessions_day_idx" ON "programs"."program_sessions" USING btree ("day","opens","closes","program_id");--> statement-breakpoint
CREATE INDEX "programs_name_id_idx" ON "programs"."programs" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "programs_category_idx" ON "programs"."programs" USING btree ("category","name","id");--> statement-breakpoint
CREATE INDEX "programs_status_idx" ON "programs"."programs" USING btree ("status","name","id");--> statement-breakpoint
CREATE INDEX "programs_funding_idx" ON "programs"."programs" USING btree ("funding","name","id");--> statement-breakpoint
CREATE INDEX "programs_provider_idx" ON "programs"."programs" USING btree ("provider_organisation_id","name","id");--> statement-breakpoint
CREATE INDEX "programs_has_free_seats_idx" ON "programs"."programs" USING btree ("has_free_seats","name","id");--> statement-breakpoint
CREATE INDEX "programs_co_providers_idx" ON "programs"."programs" USING gin ("co_provider_organisation_ids");--> statement-breakpoint
CREATE INDEX "programs_life_stages_idx" ON "programs"."programs" USING gin ("life_stages");--> statement-breakpoint
CREATE INDEX "programs_target_groups_idx" ON "programs"."programs" USING gin ("target_groups");--> statement-breakpoint
CREATE INDEX "programs_service_area_keys_idx" ON "programs"."programs" USING gin ("service_area_keys");--> statement-breakpoint
CREATE INDEX "programs_search_trgm_idx" ON "programs"."programs" USING gin ("search_document" public.gin_trgm_ops);