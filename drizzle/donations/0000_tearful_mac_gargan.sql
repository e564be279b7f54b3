CREATE SCHEMA IF NOT EXISTS "donations";
--> statement-breakpoint
CREATE TYPE "donations"."donation_category" AS ENUM('STROLLER', 'CAR_SEAT', 'CRIB', 'BABY_CLOTHING', 'TOYS', 'BOOKS', 'FEEDING', 'BATH_AND_HYGIENE', 'SCHOOL_UNIFORM', 'APPLIANCE', 'OTHER');--> statement-breakpoint
CREATE TYPE "donations"."donation_item_status" AS ENUM('AVAILABLE', 'RESERVED', 'ALLOCATED', 'HANDED_OVER', 'WITHDRAWN', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "donations"."item_condition" AS ENUM('NEW', 'LIKE_NEW', 'GOOD', 'FAIR');--> statement-breakpoint
CREATE TABLE "donations"."donation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" "donations"."donation_category" NOT NULL,
	"condition" "donations"."item_condition" NOT NULL,
	"min_age_months" integer,
	"max_age_months" integer,
	"quantity" integer DEFAULT 1 NOT NULL,
	"status" "donations"."donation_item_status" DEFAULT 'AVAILABLE' NOT NULL,
	"held_at_centre_id" uuid NOT NULL,
	"donor_organisation_id" uuid,
	"listed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donation_items_quantity_check" CHECK ("donations"."donation_items"."quantity" >= 0),
	CONSTRAINT "donation_items_min_age_check" CHECK ("donations"."donation_items"."min_age_months" >= 0),
	CONSTRAINT "donation_items_max_age_check" CHECK ("donations"."donation_items"."max_age_months" >= 0),
	CONSTRAINT "donation_items_age_range_check" CHECK ("donations"."donation_items"."min_age_months" <= "donations"."donation_items"."max_age_months")
);
--> statement-breakpoint
CREATE INDEX "donation_items_listed_at_id_idx" ON "donations"."donation_items" USING btree ("listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_status_listed_at_idx" ON "donations"."donation_items" USING btree ("status","listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_category_listed_at_idx" ON "donations"."donation_items" USING btree ("category","listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_condition_idx" ON "donations"."donation_items" USING btree ("condition");--> statement-breakpoint
CREATE INDEX "donation_items_centre_listed_at_idx" ON "donations"."donation_items" USING btree ("held_at_centre_id","listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_donor_listed_at_idx" ON "donations"."donation_items" USING btree ("donor_organisation_id","listed_at","id");--> statement-breakpoint
CREATE INDEX "donation_items_age_range_idx" ON "donations"."donation_items" USING btree ("min_age_months","max_age_months");