-- signing: per-tenant trusted roots for the signature verifier (matches src/db/schema/signing.ts)
CREATE TABLE IF NOT EXISTS "signing_trusted_roots" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL,
  "subject" text NOT NULL,
  "issuer" text NOT NULL,
  "not_before" timestamp with time zone NOT NULL,
  "not_after" timestamp with time zone NOT NULL,
  "fingerprint_sha256" text NOT NULL,
  "certificate_pem" text NOT NULL,
  "enabled" boolean DEFAULT true NOT NULL,
  "created_by" uuid NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "signing_trusted_roots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
  CONSTRAINT "signing_trusted_roots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "signing_trusted_roots_fp_uq" ON "signing_trusted_roots" ("tenant_id", "fingerprint_sha256");
