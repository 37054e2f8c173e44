-- governance module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/governance.ts
CREATE TABLE "gov_strategic_plans" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "title" text NOT NULL,
  "start_year" integer NOT NULL,
  "rpjmd_reference" text,
  "goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "programs" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "roadmap" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "bssn_consultation_date" date,
  "bssn_consultation_notes" text,
  "bssn_consultation_file_id" uuid,
  "decree_number" text,
  "decree_date" date,
  "decree_file_id" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "gov_strategic_plans_tenant_idx" ON "gov_strategic_plans" ("tenant_id");
--> statement-breakpoint
CREATE TABLE "gov_architectures" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "title" text NOT NULL,
  "infrastructure" text DEFAULT '' NOT NULL,
  "device_network_design" text DEFAULT '' NOT NULL,
  "security_applications" text DEFAULT '' NOT NULL,
  "decree_number" text,
  "decree_date" date,
  "decree_file_id" uuid,
  "valid_from" date NOT NULL,
  "valid_until" date NOT NULL,
  "evaluations" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "gov_architectures_tenant_idx" ON "gov_architectures" ("tenant_id");
--> statement-breakpoint
CREATE TABLE "gov_controls" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "kind" text NOT NULL,
  "code" text NOT NULL,
  "title" text NOT NULL,
  "legal_ref" text NOT NULL,
  "sort_order" integer DEFAULT 0 NOT NULL,
  "description" text,
  "instrument_type" text,
  "instrument_number" text,
  "instrument_date" date,
  "instrument_file_id" uuid,
  "links" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "gov_controls_code_uq" ON "gov_controls" ("tenant_id", "kind", "code");
--> statement-breakpoint
CREATE TABLE "gov_control_status" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "control_id" uuid NOT NULL,
  "opd_id" uuid NOT NULL,
  "status" text NOT NULL,
  "evidence_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "notes" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "gov_control_status_uq" ON "gov_control_status" ("tenant_id", "control_id", "opd_id");
--> statement-breakpoint
CREATE TABLE "gov_policies" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "kind" text NOT NULL,
  "title" text NOT NULL,
  "number" text,
  "legal_form" text,
  "scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "scope_text" text,
  "legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "elements" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "assurances" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "effective_date" date,
  "file_id" uuid,
  "notes" text,
  "status" text DEFAULT 'draft' NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "supersedes_id" uuid,
  "superseded_by_id" uuid,
  "approved_at" timestamp with time zone,
  "approved_by" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "gov_policies_tenant_idx" ON "gov_policies" ("tenant_id", "status");
--> statement-breakpoint
CREATE TABLE "gov_teams" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "decree_number" text,
  "decree_date" date,
  "decree_file_id" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "gov_teams_tenant_uq" ON "gov_teams" ("tenant_id");
--> statement-breakpoint
CREATE TABLE "gov_team_members" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "role" text NOT NULL,
  "person_id" uuid NOT NULL,
  "duties" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "sort_order" integer DEFAULT 0 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "gov_team_members_tenant_idx" ON "gov_team_members" ("tenant_id");
--> statement-breakpoint
CREATE TABLE "gov_sops" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "number" text NOT NULL,
  "title" text NOT NULL,
  "unit_name" text,
  "made_date" date,
  "revised_date" date,
  "revision" integer DEFAULT 0 NOT NULL,
  "effective_date" date,
  "approver_position" text,
  "approver_person_id" uuid,
  "approver_name" text,
  "approver_nip" text,
  "purpose" text,
  "scope" text,
  "legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "qualifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "related_sops" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "equipment" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "records" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "actors" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "gov_sops_tenant_idx" ON "gov_sops" ("tenant_id");
--> statement-breakpoint
CREATE TABLE "gov_bcdr_plans" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "service_name" text NOT NULL,
  "opd_id" uuid,
  "application_id" uuid,
  "rto_minutes" integer NOT NULL,
  "rpo_minutes" integer NOT NULL,
  "strategy" text NOT NULL,
  "contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "last_test_date" date,
  "last_test_result" text,
  "last_test_notes" text,
  "next_test_date" date,
  "file_id" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "gov_bcdr_plans_tenant_idx" ON "gov_bcdr_plans" ("tenant_id");
