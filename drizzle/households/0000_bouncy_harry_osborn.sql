CREATE SCHEMA IF NOT EXISTS "households";
--> statement-breakpoint
CREATE TYPE "households"."consent_purpose" AS ENUM('CASE_MANAGEMENT', 'REFERRAL', 'DONATION_MATCHING', 'SERVICE_PROVISION');--> statement-breakpoint
CREATE TYPE "households"."data_category" AS ENUM('COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES');--> statement-breakpoint
CREATE TYPE "households"."discovery_source" AS ENUM('OUTREACH_VISIT', 'VOLUNTEER_GROUP', 'NEIGHBOUR_REPORT', 'UTILITY_ARREARS_SIGNAL', 'WALK_IN', 'REFERRAL_FROM_ORGANISATION');--> statement-breakpoint
CREATE TYPE "households"."household_status" AS ENUM('IDENTIFIED', 'ASSESSED', 'SUPPORTED', 'MONITORING', 'CLOSED');--> statement-breakpoint
CREATE TYPE "households"."housing_situation" AS ENUM('OWNER_OCCUPIED', 'JEONSE_LEASE', 'MONTHLY_RENT', 'PUBLIC_RENTAL', 'SEMI_BASEMENT_OR_ROOFTOP', 'NON_HOUSING', 'HOMELESS', 'UNKNOWN');--> statement-breakpoint
CREATE TYPE "households"."income_band" AS ENUM('BASIC_LIVELIHOOD_RECIPIENT', 'NEAR_POOR', 'BELOW_50_PERCENT_MEDIAN', 'BELOW_75_PERCENT_MEDIAN', 'BELOW_100_PERCENT_MEDIAN', 'ABOVE_MEDIAN');--> statement-breakpoint
CREATE TYPE "households"."member_relation" AS ENUM('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER_RELATIVE', 'OTHER');--> statement-breakpoint
CREATE TYPE "households"."visit_outcome" AS ENUM('MET_HOUSEHOLD', 'NOT_AT_HOME', 'REFUSED_CONTACT', 'LINKED_TO_SERVICE', 'EMERGENCY_RESPONSE');--> statement-breakpoint
CREATE TYPE "households"."visitor_role" AS ENUM('SOCIAL_WORKER', 'NURSE', 'VOLUNTEER');--> statement-breakpoint
CREATE TYPE "households"."vulnerability_flag" AS ENUM('SINGLE_PARENT', 'ELDERLY_LIVING_ALONE', 'GRANDPARENT_CAREGIVER', 'MULTICULTURAL_FAMILY', 'DISABILITY', 'INFANT', 'PREGNANT');--> statement-breakpoint
CREATE TABLE "households"."access_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"purpose" "households"."consent_purpose",
	"fields" text[] NOT NULL,
	"allowed" boolean NOT NULL,
	"request_id" text NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households"."consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"purposes" "households"."consent_purpose"[] NOT NULL,
	"categories" "households"."data_category"[] NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"recorded_by_user_id" text NOT NULL,
	"recorded_by_organisation_id" uuid NOT NULL,
	"granted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" text,
	"revocation_reason" text,
	CONSTRAINT "consents_purposes_check" CHECK (cardinality("households"."consents"."purposes") > 0),
	CONSTRAINT "consents_categories_check" CHECK (cardinality("households"."consents"."categories") > 0)
);
--> statement-breakpoint
CREATE TABLE "households"."consultation_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_user_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households"."household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"name" text,
	"birth_year" integer NOT NULL,
	"relation" "households"."member_relation" NOT NULL,
	"birth_date" date,
	"is_pregnant" boolean DEFAULT false NOT NULL,
	"has_disability" boolean DEFAULT false NOT NULL,
	"health_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_birth_year_check" CHECK ("households"."household_members"."birth_year" between 1900 and 2100),
	CONSTRAINT "household_members_birth_date_check" CHECK ("households"."household_members"."birth_date" is null or extract(year from "households"."household_members"."birth_date") = "households"."household_members"."birth_year")
);
--> statement-breakpoint
CREATE TABLE "households"."households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"district" text NOT NULL,
	"dong" text NOT NULL,
	"address" text,
	"contact_phone" text,
	"income_band" "households"."income_band" NOT NULL,
	"housing_situation" "households"."housing_situation" DEFAULT 'UNKNOWN' NOT NULL,
	"vulnerability_flags" "households"."vulnerability_flag"[] DEFAULT '{}' NOT NULL,
	"status" "households"."household_status" DEFAULT 'IDENTIFIED' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"duplicate_key" text,
	"discovery_source" "households"."discovery_source" DEFAULT 'OUTREACH_VISIT' NOT NULL,
	"discovered_by" text,
	"discovered_by_organisation_id" uuid,
	"discovered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"handling_centre_id" uuid NOT NULL,
	"handling_organisation_id" uuid NOT NULL,
	"caseworker_user_id" text,
	"last_visited_at" timestamp with time zone,
	"next_visit_due" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_reference_key" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "households"."reassignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"from_centre_id" uuid NOT NULL,
	"to_centre_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"from_caseworker_user_id" text,
	"to_caseworker_user_id" text,
	"reason" text NOT NULL,
	"changed_by_user_id" text NOT NULL,
	"changed_by_organisation_id" uuid NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households"."status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"from_status" "households"."household_status",
	"to_status" "households"."household_status" NOT NULL,
	"reason" text NOT NULL,
	"changed_by_user_id" text NOT NULL,
	"changed_by_organisation_id" uuid NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households"."visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"assignee_user_id" text NOT NULL,
	"assignee_organisation_id" uuid NOT NULL,
	"visitor_role" "households"."visitor_role" NOT NULL,
	"scheduled_for" timestamp (3) with time zone NOT NULL,
	"scheduled_by_user_id" text NOT NULL,
	"completed_at" timestamp with time zone,
	"observations" text,
	"outcome" "households"."visit_outcome",
	"next_visit_date" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "households"."access_audit" ADD CONSTRAINT "access_audit_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households"."consents" ADD CONSTRAINT "consents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households"."consultation_notes" ADD CONSTRAINT "consultation_notes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households"."household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households"."reassignments" ADD CONSTRAINT "reassignments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households"."status_changes" ADD CONSTRAINT "status_changes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households"."visits" ADD CONSTRAINT "visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_audit_household_idx" ON "households"."access_audit" USING btree ("household_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "consents_household_organisation_idx" ON "households"."consents" USING btree ("household_id","organisation_id");--> statement-breakpoint
CREATE INDEX "consents_household_granted_idx" ON "households"."consents" USING btree ("household_id","granted_at","id");--> statement-breakpoint
CREATE INDEX "consultation_notes_household_idx" ON "households"."consultation_notes" USING btree ("household_id","created_at","id");--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "households"."household_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "households_organisation_created_idx" ON "households"."households" USING btree ("handling_organisation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "households_organisation_district_dong_idx" ON "households"."households" USING btree ("handling_organisation_id","district","dong");--> statement-breakpoint
CREATE INDEX "households_organisation_status_idx" ON "households"."households" USING btree ("handling_organisation_id","status","next_visit_due");--> statement-breakpoint
CREATE INDEX "households_organisation_income_band_idx" ON "households"."households" USING btree ("handling_organisation_id","income_band");--> statement-breakpoint
CREATE INDEX "households_centre_idx" ON "households"."households" USING btree ("handling_centre_id","status");--> statement-breakpoint
CREATE INDEX "households_vulnerability_flags_idx" ON "households"."households" USING gin ("vulnerability_flags");--> statement-breakpoint
CREATE INDEX "households_area_discovered_idx" ON "households"."households" USING btree ("district","dong","discovered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "households_duplicate_key_idx" ON "households"."households" USING btree ("duplicate_key");--> statement-breakpoint
CREATE INDEX "reassignments_household_idx" ON "households"."reassignments" USING btree ("household_id","changed_at","id");--> statement-breakpoint
CREATE INDEX "status_changes_household_idx" ON "households"."status_changes" USING btree ("household_id","changed_at","id");--> statement-breakpoint
CREATE INDEX "status_changes_status_changed_idx" ON "households"."status_changes" USING btree ("to_status","changed_at");--> statement-breakpoint
CREATE INDEX "visits_household_idx" ON "households"."visits" USING btree ("household_id","scheduled_for","id");--> statement-breakpoint
CREATE INDEX "visits_assignee_open_idx" ON "households"."visits" USING btree ("assignee_user_id","scheduled_for","id") WHERE "households"."visits"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "visits_completed_idx" ON "households"."visits" USING btree ("completed_at");--> statement-breakpoint
-- The audit log is append-only, enforced by the database itself: a trigger refuses UPDATE, DELETE
-- and TRUNCATE whoever asks (privileges alone do not bind a superuser or PGlite's single user).
CREATE FUNCTION "households"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'households.access_audit is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "access_audit_no_update_delete" BEFORE UPDATE OR DELETE ON "households"."access_audit" FOR EACH ROW EXECUTE FUNCTION "households"."refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "access_audit_no_truncate" BEFORE TRUNCATE ON "households"."access_audit" FOR EACH STATEMENT EXECUTE FUNCTION "households"."refuse_audit_change"();--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "households"."access_audit" FROM PUBLIC;
