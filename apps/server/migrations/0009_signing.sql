-- signing module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/signing.ts
CREATE TABLE IF NOT EXISTS "signing_requests" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "title" text NOT NULL,
  "doc_number" text,
  "file_name" text NOT NULL,
  "original_key" text NOT NULL,
  "original_sha256" text NOT NULL,
  "current_key" text NOT NULL,
  "current_sha256" text NOT NULL,
  "current_size" integer NOT NULL,
  "status" text DEFAULT 'in_progress' NOT NULL,
  "created_by" uuid NOT NULL REFERENCES "users"("id"),
  "completed_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "signing_requests_tenant_idx" ON "signing_requests" ("tenant_id", "created_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "signing_signers" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "request_id" uuid NOT NULL REFERENCES "signing_requests"("id") ON DELETE CASCADE,
  "seq" integer NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "users"("id"),
  "display_name" text NOT NULL,
  "nip" text,
  "position" text,
  "status" text DEFAULT 'pending' NOT NULL,
  "field_name" text NOT NULL,
  "prepared_at" timestamp with time zone,
  "prepared_signing_time" timestamp with time zone,
  "prepared_digest" text,
  "prepared_source_sha256" text,
  "certificate_pem" text,
  "cert_serial" text,
  "cert_subject" text,
  "signed_at" timestamp with time zone,
  "timestamped" boolean DEFAULT false NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "signing_signers_order_uq" ON "signing_signers" ("request_id", "seq");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "signing_signers_user_idx" ON "signing_signers" ("tenant_id", "user_id", "status");
