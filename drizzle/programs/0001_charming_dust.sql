CREATE TYPE "programs"."enrollment_status" AS ENUM('ACTIVE', 'COMPLETED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "programs"."referral_status" AS ENUM('SENT', 'ACCEPTED', 'DECLINED', 'ENROLLED', 'COMPLETED', 'CANCELLED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "programs"."referral_urgency" AS ENUM('ROUTINE', 'SOON', 'URGENT');--> statement-breakpoint
CREATE TABLE "programs"."enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"category" "programs"."program_category" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"referral_id" uuid,
	"status" "programs"."enrollment_status" DEFAULT 'ACTIVE' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"enrolled_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_dates_check" CHECK (ends_on is null or ends_on >= starts_on)
);
--> statement-breakpoint
CREATE TABLE "programs"."referral_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"from_status" "programs"."referral_status",
	"to_status" "programs"."referral_status" NOT NULL,
	"by_user_id" text,
	"by_organisation_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs"."referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"from_centre_id" uuid,
	"from_user_id" text NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"urgency" "programs"."referral_urgency" DEFAULT 'ROUTINE' NOT NULL,
	"status" "programs"."referral_status" DEFAULT 'SENT' NOT NULL,
	"consent_until" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programs"."enrollments" ADD CONSTRAINT "enrollments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs"."enrollments" ADD CONSTRAINT "enrollments_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "programs"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs"."referral_transitions" ADD CONSTRAINT "referral_transitions_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "programs"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs"."referrals" ADD CONSTRAINT "referrals_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollments_household_idx" ON "programs"."enrollments" USING btree ("household_id","starts_on","id");--> statement-breakpoint
CREATE INDEX "enrollments_active_category_idx" ON "programs"."enrollments" USING btree ("household_id","category") WHERE status = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "enrollments_program_idx" ON "programs"."enrollments" USING btree ("program_id","starts_on","id");--> statement-breakpoint
CREATE INDEX "referral_transitions_referral_idx" ON "programs"."referral_transitions" USING btree ("referral_id","at","id");--> statement-breakpoint
CREATE INDEX "referrals_inbox_idx" ON "programs"."referrals" USING btree ("to_organisation_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "referrals_sent_idx" ON "programs"."referrals" USING btree ("from_organisation_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "referrals_household_idx" ON "programs"."referrals" USING btree ("household_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "referrals_program_idx" ON "programs"."referrals" USING btree ("program_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "referrals_expiry_idx" ON "programs"."referrals" USING btree ("expires_at") WHERE status = 'SENT';--> statement-breakpoint
CREATE INDEX "referrals_sent_at_idx" ON "programs"."referrals" USING btree ("sent_at");