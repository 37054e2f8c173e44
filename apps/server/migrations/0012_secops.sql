-- secops module tables (D13 security cycle, D14 SOC): hand-written PostgreSQL 15 SQL matching src/db/schema/secops.ts
CREATE TABLE "secops_activities" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "target_kind" text NOT NULL,
  "application_id" uuid,
  "device_id" uuid,
  "area" text,
  "opd_id" uuid,
  "function" text NOT NULL,
  "kind" text NOT NULL,
  "title" text,
  "performed_on" date NOT NULL,
  "executor" text NOT NULL,
  "executor_name" text,
  "scope" text DEFAULT '' NOT NULL,
  "result" text DEFAULT '' NOT NULL,
  "report_file_id" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "secops_findings" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "activity_id" uuid NOT NULL,
  "title" text NOT NULL,
  "description" text DEFAULT '' NOT NULL,
  "severity" text NOT NULL,
  "owner_person_id" uuid,
  "owner_text" text,
  "due_date" date,
  "status" text DEFAULT 'terbuka' NOT NULL,
  "fixed_on" date,
  "verified_on" date,
  "accepted_on" date,
  "accepted_reason" text,
  "status_note" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "secops_soc_profiles" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "name" text NOT NULL,
  "decree_number" text,
  "decree_date" date,
  "decree_file_id" uuid,
  "operating_hours" text NOT NULL,
  "people" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "processes" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "tools" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secops_coverage" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "target_kind" text NOT NULL,
  "application_id" uuid,
  "device_id" uuid,
  "opd_id" uuid,
  "tool" text NOT NULL,
  "notes" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secops_reports" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "period_start" date NOT NULL,
  "period_end" date NOT NULL,
  "events_observed" integer DEFAULT 0 NOT NULL,
  "alerts_escalated" integer DEFAULT 0 NOT NULL,
  "incidents_raised" integer DEFAULT 0 NOT NULL,
  "incidents_note" text,
  "notes" text DEFAULT '' NOT NULL,
  "file_id" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "secops_activities" ADD CONSTRAINT "secops_activities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_activities" ADD CONSTRAINT "secops_activities_application_id_sys_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."sys_applications"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_activities" ADD CONSTRAINT "secops_activities_device_id_sys_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."sys_devices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_activities" ADD CONSTRAINT "secops_activities_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_findings" ADD CONSTRAINT "secops_findings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_findings" ADD CONSTRAINT "secops_findings_activity_id_secops_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."secops_activities"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_findings" ADD CONSTRAINT "secops_findings_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_soc_profiles" ADD CONSTRAINT "secops_soc_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_coverage" ADD CONSTRAINT "secops_coverage_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_coverage" ADD CONSTRAINT "secops_coverage_application_id_sys_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."sys_applications"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_coverage" ADD CONSTRAINT "secops_coverage_device_id_sys_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."sys_devices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_coverage" ADD CONSTRAINT "secops_coverage_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "secops_reports" ADD CONSTRAINT "secops_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "secops_activities_tenant_target_idx" ON "secops_activities" USING btree ("tenant_id","target_kind","performed_on");
--> statement-breakpoint
CREATE INDEX "secops_findings_tenant_activity_idx" ON "secops_findings" USING btree ("tenant_id","activity_id");
--> statement-breakpoint
CREATE INDEX "secops_findings_tenant_status_idx" ON "secops_findings" USING btree ("tenant_id","status","due_date");
--> statement-breakpoint
CREATE UNIQUE INDEX "secops_soc_profiles_tenant_uq" ON "secops_soc_profiles" USING btree ("tenant_id");
--> statement-breakpoint
CREATE INDEX "secops_coverage_tenant_idx" ON "secops_coverage" USING btree ("tenant_id");
--> statement-breakpoint
CREATE INDEX "secops_reports_tenant_period_idx" ON "secops_reports" USING btree ("tenant_id","period_end");
