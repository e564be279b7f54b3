CREATE SCHEMA IF NOT EXISTS "centres";
--> statement-breakpoint
-- Hand-added: trigram search (Korean and English alike) needs pg_trgm. It lives in public so every
-- subgraph's migration finds it whichever creates it first; queries name public.word_similarity
-- and OPERATOR(public.<%) because a subgraph's search_path is its own schema only.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
CREATE TYPE "centres"."centre_kind" AS ENUM('COMMUNITY_SERVICE_CENTRE', 'WELFARE_HUB', 'WIDE_AREA_WELFARE_CENTRE', 'FAMILY_CENTRE', 'HEALTH_CENTRE', 'SOCIAL_WELFARE_CENTRE', 'SENIOR_CENTRE', 'CHILDCARE_CENTRE', 'DISABILITY_WELFARE_CENTRE', 'YOUTH_CENTRE', 'MULTICULTURAL_FAMILY_CENTRE', 'SELF_SUFFICIENCY_CENTRE', 'MENTAL_HEALTH_CENTRE', 'FOOD_BANK', 'VOLUNTEER_CENTRE', 'DISTRICT_OFFICE', 'OTHER');--> statement-breakpoint
CREATE TYPE "centres"."centre_status" AS ENUM('ACTIVE', 'TEMPORARILY_CLOSED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "centres"."day_of_week" AS ENUM('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');--> statement-breakpoint
CREATE TYPE "centres"."facility" AS ENUM('WHEELCHAIR_ACCESS', 'ELEVATOR', 'ACCESSIBLE_TOILET', 'ACCESSIBLE_PARKING', 'BRAILLE_SIGNAGE', 'HEARING_LOOP', 'NURSING_ROOM', 'ONDOL_EDUCATION_ROOM', 'CAFE', 'PLAYROOM', 'TOY_LIBRARY', 'COMMUNITY_ROOM', 'COUNSELLING_ROOM', 'SHARED_KITCHEN', 'PARKING');--> statement-breakpoint
CREATE TYPE "centres"."organisation_kind" AS ENUM('CITY_GOVERNMENT', 'DISTRICT_OFFICE', 'COMMUNITY_SERVICE_CENTRE_OPERATOR', 'HEALTH_CENTRE', 'WELFARE_FOUNDATION', 'SOCIAL_WELFARE_CENTRE', 'HOSPITAL', 'SCHOOL', 'RELIGIOUS_ORGANISATION', 'SOCIAL_ENTERPRISE', 'COMPANY', 'VOLUNTEER_GROUP', 'COMMUNITY_GROUP', 'OTHER');--> statement-breakpoint
CREATE TYPE "centres"."sector" AS ENUM('PUBLIC', 'PRIVATE', 'NONPROFIT');--> statement-breakpoint
CREATE TABLE "centres"."centre_hours_exceptions" (
	"centre_id" uuid NOT NULL,
	"date" date NOT NULL,
	"is_closed" boolean NOT NULL,
	"opens" time,
	"closes" time,
	"reason" text,
	CONSTRAINT "centre_hours_exceptions_hours_check" CHECK (is_closed or (opens is not null and closes is not null and opens < closes))
);
--> statement-breakpoint
CREATE TABLE "centres"."centre_opening_hours" (
	"centre_id" uuid NOT NULL,
	"day" "centres"."day_of_week" NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	CONSTRAINT "centre_opening_hours_centre_id_day_opens_pk" PRIMARY KEY("centre_id","day","opens"),
	CONSTRAINT "centre_opening_hours_order_check" CHECK (opens < closes)
);
--> statement-breakpoint
CREATE TABLE "centres"."centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"kind" "centres"."centre_kind" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "centres"."centre_status" DEFAULT 'ACTIVE' NOT NULL,
	"status_reason" text,
	"address" text NOT NULL,
	"city" text,
	"district" text NOT NULL,
	"dong" text,
	"postal_code" text,
	"administrative_dong_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"facilities" "centres"."facility"[] DEFAULT '{}' NOT NULL,
	"residents_served" integer,
	"welfare_workers" integer,
	"visiting_nurses" integer,
	"search_text" text GENERATED ALWAYS AS (name || ' ' || coalesce(alternate_name, '') || ' ' || coalesce(description, '')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "centres_latitude_check" CHECK (latitude between -90 and 90),
	CONSTRAINT "centres_longitude_check" CHECK (longitude between -180 and 180),
	CONSTRAINT "centres_staff_check" CHECK (coalesce(residents_served, 0) >= 0 and coalesce(welfare_workers, 0) >= 0 and coalesce(visiting_nurses, 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "centres"."organisation_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"department" text,
	"phone" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "centres"."organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"sector" "centres"."sector" NOT NULL,
	"kind" "centres"."organisation_kind" NOT NULL,
	"parent_organisation_id" uuid,
	"registration_id" text,
	"website" text,
	"email" text,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text GENERATED ALWAYS AS (name || ' ' || coalesce(alternate_name, '') || ' ' || coalesce(description, '')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "centres"."centre_hours_exceptions" ADD CONSTRAINT "centre_hours_exceptions_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "centres"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres"."centre_opening_hours" ADD CONSTRAINT "centre_opening_hours_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "centres"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres"."centres" ADD CONSTRAINT "centres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "centres"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres"."organisation_contacts" ADD CONSTRAINT "organisation_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "centres"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres"."organisations" ADD CONSTRAINT "organisations_parent_organisation_id_organisations_id_fk" FOREIGN KEY ("parent_organisation_id") REFERENCES "centres"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "centre_hours_exceptions_centre_date_idx" ON "centres"."centre_hours_exceptions" USING btree ("centre_id","date");--> statement-breakpoint
CREATE INDEX "centre_hours_exceptions_date_idx" ON "centres"."centre_hours_exceptions" USING btree ("date");--> statement-breakpoint
CREATE INDEX "centre_opening_hours_day_idx" ON "centres"."centre_opening_hours" USING btree ("day","opens","closes");--> statement-breakpoint
CREATE INDEX "centres_name_id_idx" ON "centres"."centres" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "centres_district_dong_idx" ON "centres"."centres" USING btree ("district","dong","name","id");--> statement-breakpoint
CREATE INDEX "centres_dong_idx" ON "centres"."centres" USING btree ("dong");--> statement-breakpoint
CREATE INDEX "centres_kind_idx" ON "centres"."centres" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "centres_status_idx" ON "centres"."centres" USING btree ("status");--> statement-breakpoint
CREATE INDEX "centres_organisation_idx" ON "centres"."centres" USING btree ("organisation_id","name","id");--> statement-breakpoint
CREATE INDEX "centres_facilities_idx" ON "centres"."centres" USING gin ("facilities");--> statement-breakpoint
CREATE INDEX "centres_languages_idx" ON "centres"."centres" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "centres_search_trgm_idx" ON "centres"."centres" USING gin ("search_text" public.gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "centres_location_idx" ON "centres"."centres" USING gist (point(longitude, latitude));--> statement-breakpoint
CREATE INDEX "organisation_contacts_organisation_idx" ON "centres"."organisation_contacts" USING btree ("organisation_id","position");--> statement-breakpoint
CREATE INDEX "organisations_name_id_idx" ON "centres"."organisations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organisations_sector_kind_idx" ON "centres"."organisations" USING btree ("sector","kind");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "centres"."organisations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "centres"."organisations" USING btree ("parent_organisation_id","name","id");--> statement-breakpoint
CREATE INDEX "organisations_search_trgm_idx" ON "centres"."organisations" USING gin ("search_text" public.gin_trgm_ops);