CREATE SCHEMA IF NOT EXISTS "donations";
--> statement-breakpoint
CREATE TYPE "donations"."donation_category" AS ENUM('STROLLER', 'CAR_SEAT', 'CRIB', 'BABY_CLOTHING', 'TOYS', 'BOOKS', 'FEEDING', 'BATH_AND_HYGIENE', 'SCHOOL_UNIFORM', 'APPLIANCE', 'OTHER');--> statement-breakpoint
CREATE TYPE "donations"."donation_item_status" AS ENUM('AVAILABLE', 'RESERVED', 'ALLOCATED', 'HANDED_OVER', 'WITHDRAWN', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "donations"."handover_method" AS ENUM('PICKUP', 'DELIVERY');--> statement-breakpoint
CREATE TYPE "donations"."item_condition" AS ENUM('NEW', 'LIKE_NEW', 'GOOD', 'FAIR');--> statement-breakpoint
CREATE TYPE "donations"."match_status" AS ENUM('RESERVED', 'ALLOCATED', 'HANDED_OVER', 'EXPIRED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "donations"."need_status" AS ENUM('OPEN', 'MATCHED', 'FULFILLED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "donations"."need_urgency" AS ENUM('LOW', 'NORMAL', 'HIGH', 'URGENT');--> statement-breakpoint
CREATE TABLE "donations"."donation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" "donations"."donation_category" NOT NULL,
	"condition" "donations"."item_condition" NOT NULL,
	"min_age_months" integer,
	"max_age_months" integer,
	"size" text,
	"quantity" integer DEFAULT 1 NOT NULL,
	"quantity_available" integer DEFAULT 1 NOT NULL,
	"photo_urls" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "donations"."donation_item_status" DEFAULT 'AVAILABLE' NOT NULL,
	"held_at_centre_id" uuid NOT NULL,
	"district" text,
	"dong" text,
	"latitude" real,
	"longitude" real,
	"donor_organisation_id" uuid,
	"donor_display_name" text,
	"donor_contact" text,
	"intermediary_organisation_id" uuid,
	"cleaned_by_organisation_id" uuid,
	"cleaned_at" timestamp (3) with time zone,
	"inspected_at" timestamp (3) with time zone,
	"listed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"available_until" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donation_items_quantity_check" CHECK ("donations"."donation_items"."quantity" >= 0),
	CONSTRAINT "donation_items_quantity_available_check" CHECK ("donations"."donation_items"."quantity_available" >= 0 and "donations"."donation_items"."quantity_available" <= "donations"."donation_items"."quantity"),
	CONSTRAINT "donation_items_min_age_check" CHECK ("donations"."donation_items"."min_age_months" >= 0),
	CONSTRAINT "donation_items_max_age_check" CHECK ("donations"."donation_items"."max_age_months" >= 0),
	CONSTRAINT "donation_items_age_range_check" CHECK ("donations"."donation_items"."min_age_months" <= "donations"."donation_items"."max_age_months")
);
--> statement-breakpoint
CREATE TABLE "donations"."item_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"match_id" uuid,
	"kind" text NOT NULL,
	"from_status" "donations"."donation_item_status",
	"to_status" "donations"."donation_item_status",
	"quantity" integer,
	"actor_user_id" text,
	"actor_organisation_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "donations"."matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"status" "donations"."match_status" DEFAULT 'RESERVED' NOT NULL,
	"score" real,
	"reserved_until" timestamp (3) with time zone,
	"method" "donations"."handover_method",
	"scheduled_at" timestamp (3) with time zone,
	"code_hash" text NOT NULL,
	"failed_code_attempts" integer DEFAULT 0 NOT NULL,
	"handed_over_at" timestamp (3) with time zone,
	"proxy_name" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_quantity_check" CHECK ("donations"."matches"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "donations"."needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"category" "donations"."donation_category" NOT NULL,
	"size" text,
	"child_age_months" integer,
	"quantity" integer DEFAULT 1 NOT NULL,
	"quantity_open" integer DEFAULT 1 NOT NULL,
	"urgency" "donations"."need_urgency" DEFAULT 'NORMAL' NOT NULL,
	"status" "donations"."need_status" DEFAULT 'OPEN' NOT NULL,
	"district" text,
	"dong" text,
	"vulnerability_score" integer,
	"consent_confirmed_at" timestamp (3) with time zone NOT NULL,
	"consent_until" timestamp (3) with time zone NOT NULL,
	"recorded_by_organisation_id" uuid NOT NULL,
	"recorded_by_user_id" text NOT NULL,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_quantity_check" CHECK ("donations"."needs"."quantity" >= 1),
	CONSTRAINT "needs_quantity_open_check" CHECK ("donations"."needs"."quantity_open" >= 0 and "donations"."needs"."quantity_open" <= "donations"."needs"."quantity"),
	CONSTRAINT "needs_child_age_check" CHECK ("donations"."needs"."child_age_months" >= 0),
	CONSTRAINT "needs_vulnerability_check" CHECK ("donations"."needs"."vulnerability_score" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "donations"."item_events" ADD CONSTRAINT "item_events_item_id_donation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "donations"."donation_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations"."matches" ADD CONSTRAINT "matches_item_id_donation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "donations"."donation_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations"."matches" ADD CONSTRAINT "matches_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "donations"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "donation_items_listed_at_id_idx" ON "donations"."donation_items" USING btree ("listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_status_listed_at_idx" ON "donations"."donation_items" USING btree ("status","listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_category_listed_at_idx" ON "donations"."donation_items" USING btree ("category","listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_condition_idx" ON "donations"."donation_items" USING btree ("condition");--> statement-breakpoint
CREATE INDEX "donation_items_centre_listed_at_idx" ON "donations"."donation_items" USING btree ("held_at_centre_id","listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_centre_status_category_idx" ON "donations"."donation_items" USING btree ("held_at_centre_id","status","category");--> statement-breakpoint
CREATE INDEX "donation_items_donor_listed_at_idx" ON "donations"."donation_items" USING btree ("donor_organisation_id","listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_age_range_idx" ON "donations"."donation_items" USING btree ("min_age_months","max_age_months");--> statement-breakpoint
CREATE INDEX "donation_items_district_status_idx" ON "donations"."donation_items" USING btree ("district","status");--> statement-breakpoint
CREATE INDEX "donation_items_available_until_idx" ON "donations"."donation_items" USING btree ("available_until");--> statement-breakpoint
CREATE INDEX "donation_items_intermediary_listed_at_idx" ON "donations"."donation_items" USING btree ("intermediary_organisation_id","listed_at");--> statement-breakpoint
CREATE INDEX "item_events_item_at_idx" ON "donations"."item_events" USING btree ("item_id","at","id");--> statement-breakpoint
CREATE INDEX "matches_item_idx" ON "donations"."matches" USING btree ("item_id","status");--> statement-breakpoint
CREATE INDEX "matches_need_idx" ON "donations"."matches" USING btree ("need_id","status");--> statement-breakpoint
CREATE INDEX "matches_household_created_at_idx" ON "donations"."matches" USING btree ("household_id","created_at","id");--> statement-breakpoint
CREATE INDEX "matches_status_reserved_until_idx" ON "donations"."matches" USING btree ("status","reserved_until");--> statement-breakpoint
CREATE INDEX "needs_household_created_at_idx" ON "donations"."needs" USING btree ("household_id","created_at","id");--> statement-breakpoint
CREATE INDEX "needs_status_category_district_idx" ON "donations"."needs" USING btree ("status","category","district");--> statement-breakpoint
CREATE INDEX "needs_recorded_by_idx" ON "donations"."needs" USING btree ("recorded_by_organisation_id","created_at","id");