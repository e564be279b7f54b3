CREATE SCHEMA IF NOT EXISTS "programs";
--> statement-breakpoint
CREATE TYPE "programs"."life_stage" AS ENUM('PREGNANCY', 'INFANCY', 'CHILDHOOD', 'YOUTH', 'ADULTHOOD', 'OLD_AGE');--> statement-breakpoint
CREATE TYPE "programs"."program_category" AS ENUM('MARRIAGE', 'PREGNANCY', 'CHILDBIRTH', 'CHILDCARE', 'EDUCATION', 'EMPLOYMENT', 'HEALTHCARE', 'ELDERLY_CARE', 'DISABILITY', 'HOUSING', 'FOOD', 'FINANCIAL_AID', 'TRANSPORT', 'FUNERAL', 'COUNSELLING', 'LEGAL_AID', 'MENTORING', 'OTHER');--> statement-breakpoint
CREATE TYPE "programs"."program_status" AS ENUM('ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE');--> statement-breakpoint
CREATE TABLE "programs"."program_centres" (
	"program_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	CONSTRAINT "program_centres_program_id_centre_id_pk" PRIMARY KEY("program_id","centre_id")
);
--> statement-breakpoint
CREATE TABLE "programs"."programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"category" "programs"."program_category" NOT NULL,
	"life_stages" "programs"."life_stage"[] DEFAULT '{}' NOT NULL,
	"provider_organisation_id" uuid NOT NULL,
	"eligibility_summary" text,
	"capacity" integer,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"status" "programs"."program_status" DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_capacity_check" CHECK (capacity is null or capacity >= 0),
	CONSTRAINT "programs_seats_taken_check" CHECK (seats_taken >= 0 and (capacity is null or seats_taken <= capacity))
);
--> statement-breakpoint
ALTER TABLE "programs"."program_centres" ADD CONSTRAINT "program_centres_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_centres_centre_idx" ON "programs"."program_centres" USING btree ("centre_id","program_id");--> statement-breakpoint
CREATE INDEX "programs_name_id_idx" ON "programs"."programs" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "programs_category_idx" ON "programs"."programs" USING btree ("category","name","id");--> statement-breakpoint
CREATE INDEX "programs_status_idx" ON "programs"."programs" USING btree ("status","name","id");--> statement-breakpoint
CREATE INDEX "programs_life_stages_idx" ON "programs"."programs" USING gin ("life_stages");--> statement-breakpoint
CREATE INDEX "programs_provider_idx" ON "programs"."programs" USING btree ("provider_organisation_id","name","id");