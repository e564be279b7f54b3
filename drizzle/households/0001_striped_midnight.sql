CREATE TABLE "households"."referral_access" (
	"referral_id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"granted_by_organisation_id" uuid NOT NULL,
	"granted_by_user_id" text NOT NULL,
	"consent_until" timestamp (3) with time zone NOT NULL,
	"until" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_access_until_check" CHECK (until <= consent_until)
);
--> statement-breakpoint
ALTER TABLE "households"."referral_access" ADD CONSTRAINT "referral_access_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "households"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_access_household_organisation_idx" ON "households"."referral_access" USING btree ("household_id","organisation_id");