-- certificates module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/certificates.ts
CREATE TABLE "cert_needs" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "year" integer NOT NULL,
  "kind" text NOT NULL,
  "holder_name" text NOT NULL,
  "quantity" integer DEFAULT 1 NOT NULL,
  "uses" text[] NOT NULL,
  "justification" text,
  "priority" text,
  "analysis_notes" text,
  "analyzed_by" uuid,
  "analyzed_at" timestamp with time zone,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "cert_needs_tenant_year_idx" ON "cert_needs" ("tenant_id", "year", "opd_id");
--> statement-breakpoint
CREATE TABLE "cert_ra_operators" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "user_id" uuid NOT NULL REFERENCES "users"("id"),
  "decree_number" text NOT NULL,
  "decree_date" date NOT NULL,
  "active" boolean DEFAULT true NOT NULL,
  "ended_at" timestamp with time zone,
  "ra_cert_serial" text,
  "ra_cert_subject" text,
  "ra_cert_not_after" timestamp with time zone,
  "ra_cert_source" text,
  "ra_cert_pem" text,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cert_ra_operators_active_uq" ON "cert_ra_operators" ("tenant_id", "user_id") WHERE "active";
--> statement-breakpoint
CREATE TABLE "cert_applications" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "number" text NOT NULL,
  "kind" text NOT NULL,
  "status" text DEFAULT 'draft' NOT NULL,
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "applicant_user_id" uuid NOT NULL REFERENCES "users"("id"),
  "applicant_person_id" uuid REFERENCES "people"("id"),
  "filed_by_user_id" uuid NOT NULL,
  "common_name" text NOT NULL,
  "email" text NOT NULL,
  "nip" text,
  "position_title" text,
  "unit_name" text,
  "system_name" text,
  "dns_names" text[] DEFAULT '{}'::text[] NOT NULL,
  "uses" text[] NOT NULL,
  "renewal_of_id" uuid,
  "reissue_of_id" uuid,
  "revision" integer DEFAULT 1 NOT NULL,
  "checklist" jsonb,
  "rejection_reason" text,
  "decided_by" uuid,
  "decided_at" timestamp with time zone,
  "submitted_at" timestamp with time zone,
  "archived_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cert_applications_number_uq" ON "cert_applications" ("tenant_id", "number");
--> statement-breakpoint
CREATE INDEX "cert_applications_status_idx" ON "cert_applications" ("tenant_id", "status", "submitted_at");
--> statement-breakpoint
CREATE INDEX "cert_applications_applicant_idx" ON "cert_applications" ("tenant_id", "applicant_user_id");
--> statement-breakpoint
CREATE TABLE "cert_application_events" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "application_id" uuid NOT NULL REFERENCES "cert_applications"("id"),
  "action" text NOT NULL,
  "revision" integer NOT NULL,
  "actor_user_id" uuid,
  "actor_label" text NOT NULL,
  "note" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cert_application_events_app_idx" ON "cert_application_events" ("tenant_id", "application_id", "created_at");
--> statement-breakpoint
CREATE TABLE "cert_application_files" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "application_id" uuid NOT NULL REFERENCES "cert_applications"("id"),
  "requirement" text NOT NULL,
  "file_id" uuid NOT NULL REFERENCES "files"("id"),
  "revision" integer NOT NULL,
  "replaced_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cert_application_files_app_idx" ON "cert_application_files" ("tenant_id", "application_id");
--> statement-breakpoint
CREATE TABLE "cert_certificates" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "application_id" uuid NOT NULL REFERENCES "cert_applications"("id"),
  "holder_user_id" uuid NOT NULL,
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "kind" text NOT NULL,
  "profile" text NOT NULL,
  "ca_cert_id" text,
  "serial_hex" text NOT NULL,
  "subject_dn" text NOT NULL,
  "not_before" timestamp with time zone NOT NULL,
  "not_after" timestamp with time zone NOT NULL,
  "sha256" text NOT NULL,
  "cert_pem" text NOT NULL,
  "chain_pem" text,
  "key_source" text NOT NULL,
  "key_algorithm" text,
  "agreement_version" text NOT NULL,
  "agreement_accepted_at" timestamp with time zone NOT NULL,
  "receipt_number" text NOT NULL,
  "status" text DEFAULT 'active' NOT NULL,
  "revoked_at" timestamp with time zone,
  "revocation_reason" text,
  "renewed_by_id" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cert_certificates_serial_uq" ON "cert_certificates" ("tenant_id", "serial_hex");
--> statement-breakpoint
CREATE INDEX "cert_certificates_holder_idx" ON "cert_certificates" ("tenant_id", "holder_user_id");
--> statement-breakpoint
CREATE INDEX "cert_certificates_opd_idx" ON "cert_certificates" ("tenant_id", "opd_id", "not_before");
--> statement-breakpoint
CREATE TABLE "cert_revocations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "certificate_id" uuid NOT NULL REFERENCES "cert_certificates"("id"),
  "source" text NOT NULL,
  "reason" text NOT NULL,
  "details" text NOT NULL,
  "statement_file_id" uuid,
  "status" text NOT NULL,
  "requested_by" uuid,
  "decided_by" uuid,
  "decided_at" timestamp with time zone,
  "decision_note" text,
  "reported_to_head_at" timestamp with time zone,
  "reported_to_bssn_at" timestamp with time zone,
  "bssn_reference" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cert_revocations_tenant_idx" ON "cert_revocations" ("tenant_id", "status", "created_at");
--> statement-breakpoint
CREATE TABLE "cert_complaints" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "number" text NOT NULL,
  "category" text NOT NULL,
  "certificate_id" uuid,
  "about_operator_user_id" uuid,
  "subject" text NOT NULL,
  "description" text NOT NULL,
  "raised_by" uuid NOT NULL,
  "status" text DEFAULT 'open' NOT NULL,
  "response" text,
  "provider_reference" text,
  "escalated_at" timestamp with time zone,
  "handled_by" uuid,
  "resolved_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cert_complaints_tenant_idx" ON "cert_complaints" ("tenant_id", "status", "created_at");
--> statement-breakpoint
CREATE TABLE "cert_provider_agreements" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "provider" text NOT NULL,
  "agreement_number" text NOT NULL,
  "signed_on" date NOT NULL,
  "valid_until" date,
  "notes" text,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "cert_provider_agreements_tenant_idx" ON "cert_provider_agreements" ("tenant_id");
--> statement-breakpoint
CREATE TABLE "cert_evaluations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "year" integer NOT NULL,
  "letter_number" text NOT NULL,
  "reported_to_head_at" date,
  "reported_to_bssn_at" date,
  "summary" text,
  "figures" jsonb,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cert_evaluations_year_uq" ON "cert_evaluations" ("tenant_id", "year");
