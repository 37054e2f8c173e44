-- systems module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/systems.ts
CREATE TABLE "sys_applications" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "name" text NOT NULL,
  "kind" text NOT NULL,
  "purpose" text,
  "users_internal" boolean DEFAULT true NOT NULL,
  "users_public" boolean DEFAULT false NOT NULL,
  "data_classification" text DEFAULT 'biasa' NOT NULL,
  "sso_integrated" boolean DEFAULT false NOT NULL,
  "certificate" text,
  "hosted_in_data_centre" boolean DEFAULT true NOT NULL,
  "hosting_note" text,
  "url" text,
  "interoperability" text,
  "status" text DEFAULT 'planned' NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sys_applications_tenant_opd_idx" ON "sys_applications" ("tenant_id","opd_id");
--> statement-breakpoint
CREATE TABLE "sys_devices" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "kind" text NOT NULL,
  "name" text NOT NULL,
  "role" text,
  "os" text,
  "location" text NOT NULL,
  "network" text,
  "backup_file_system" boolean DEFAULT false NOT NULL,
  "backup_database" boolean DEFAULT false NOT NULL,
  "backup_media" text,
  "backup_offsite" boolean DEFAULT false NOT NULL,
  "last_maintenance" date,
  "notes" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sys_devices_tenant_opd_idx" ON "sys_devices" ("tenant_id","opd_id");
--> statement-breakpoint
CREATE TABLE "sys_maintenance" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "device_id" uuid NOT NULL REFERENCES "sys_devices"("id"),
  "performed_on" date NOT NULL,
  "performed_by" text NOT NULL,
  "description" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sys_maintenance_device_idx" ON "sys_maintenance" ("tenant_id","device_id");
--> statement-breakpoint
CREATE TABLE "sys_ip_addresses" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "address" inet NOT NULL,
  "device_id" uuid REFERENCES "sys_devices"("id"),
  "application_id" uuid REFERENCES "sys_applications"("id"),
  "note" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sys_ip_addresses_unique" ON "sys_ip_addresses" ("tenant_id","address") WHERE deleted_at is null;
--> statement-breakpoint
CREATE TABLE "sys_subdomains" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "label" text NOT NULL,
  "purpose" text,
  "application_id" uuid REFERENCES "sys_applications"("id"),
  "status" text DEFAULT 'requested' NOT NULL,
  "decree_number" text,
  "decree_date" date,
  "decision_note" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sys_subdomains_unique" ON "sys_subdomains" ("tenant_id","label") WHERE deleted_at is null and status <> 'rejected';
--> statement-breakpoint
CREATE TABLE "sys_databases" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "name" text NOT NULL,
  "group_code" text NOT NULL,
  "key_kind" text NOT NULL,
  "application_id" uuid REFERENCES "sys_applications"("id"),
  "integrated" boolean DEFAULT false NOT NULL,
  "custodian_name" text,
  "custodian_decree_number" text,
  "custodian_decree_date" date,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sys_databases_tenant_opd_idx" ON "sys_databases" ("tenant_id","opd_id");
--> statement-breakpoint
CREATE TABLE "sys_third_parties" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "name" text NOT NULL,
  "kind" text NOT NULL,
  "service" text,
  "contract_number" text,
  "contract_start" date,
  "contract_end" date,
  "security_clauses" boolean DEFAULT false NOT NULL,
  "full_access_source_code" boolean DEFAULT false NOT NULL,
  "monitoring_notes" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sys_third_parties_tenant_opd_idx" ON "sys_third_parties" ("tenant_id","opd_id");
--> statement-breakpoint
CREATE TABLE "sys_sla_reports" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "third_party_id" uuid NOT NULL REFERENCES "sys_third_parties"("id"),
  "period_start" date NOT NULL,
  "period_end" date NOT NULL,
  "availability" numeric(6,3),
  "incidents" integer DEFAULT 0 NOT NULL,
  "file_id" uuid,
  "note" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sys_sla_reports_party_idx" ON "sys_sla_reports" ("tenant_id","third_party_id");
--> statement-breakpoint
CREATE TABLE "sys_interconnections" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "application_id" uuid REFERENCES "sys_applications"("id"),
  "third_party_id" uuid REFERENCES "sys_third_parties"("id"),
  "party_name" text NOT NULL,
  "data_exchanged" text NOT NULL,
  "legal_basis" text,
  "via_dinas" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sys_interconnections_tenant_opd_idx" ON "sys_interconnections" ("tenant_id","opd_id");
--> statement-breakpoint
CREATE TABLE "sys_security_assets" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "name" text NOT NULL,
  "purpose" text NOT NULL,
  "stage" text DEFAULT 'plan' NOT NULL,
  "planned_on" date,
  "procured_on" date,
  "in_use_on" date,
  "disposed_on" date,
  "notes" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sys_security_assets_tenant_opd_idx" ON "sys_security_assets" ("tenant_id","opd_id");
--> statement-breakpoint
CREATE TABLE "sys_tech_docs" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "application_id" uuid NOT NULL REFERENCES "sys_applications"("id"),
  "item" text NOT NULL,
  "file_id" uuid,
  "handed_over_on" date,
  "note" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sys_tech_docs_unique" ON "sys_tech_docs" ("tenant_id","application_id","item");
--> statement-breakpoint
CREATE TABLE "sys_categorizations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "application_id" uuid NOT NULL REFERENCES "sys_applications"("id"),
  "answers" jsonb NOT NULL,
  "score" integer NOT NULL,
  "category" text NOT NULL,
  "assessed_on" date NOT NULL,
  "assessed_by" uuid,
  "assessor_label" text NOT NULL,
  "note" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sys_categorizations_app_idx" ON "sys_categorizations" ("tenant_id","application_id","assessed_on");
