-- regulations module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/regulations.ts
CREATE TABLE "regulations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid REFERENCES "tenants"("id"),
  "code" text NOT NULL,
  "kind" text NOT NULL,
  "issuer" text NOT NULL,
  "region" text,
  "number" text NOT NULL,
  "year" integer NOT NULL,
  "title" text NOT NULL,
  "status" text DEFAULT 'berlaku' NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "effective_date" date,
  "considerations" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "supersedes_id" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "regulations_shared_code_version_uq" ON "regulations" ("code", "version") WHERE "tenant_id" is null;
--> statement-breakpoint
CREATE UNIQUE INDEX "regulations_tenant_code_version_uq" ON "regulations" ("tenant_id", "code", "version") WHERE "tenant_id" is not null;
--> statement-breakpoint
CREATE TABLE "regulation_articles" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid REFERENCES "tenants"("id"),
  "regulation_id" uuid NOT NULL REFERENCES "regulations"("id"),
  "ord" integer NOT NULL,
  "number" text NOT NULL,
  "chapter" text,
  "section" text,
  "heading" text
);
--> statement-breakpoint
CREATE INDEX "regulation_articles_reg_idx" ON "regulation_articles" ("regulation_id", "ord");
--> statement-breakpoint
CREATE TABLE "regulation_clauses" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid REFERENCES "tenants"("id"),
  "article_id" uuid NOT NULL REFERENCES "regulation_articles"("id"),
  "ord" integer NOT NULL,
  "ayat" text,
  "huruf" text,
  "angka" text,
  "text" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "regulation_clauses_article_idx" ON "regulation_clauses" ("article_id", "ord");
--> statement-breakpoint
CREATE TABLE "regulation_obligations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid REFERENCES "tenants"("id"),
  "regulation_id" uuid NOT NULL REFERENCES "regulations"("id"),
  "article_id" uuid REFERENCES "regulation_articles"("id"),
  "ord" integer NOT NULL,
  "ref" text,
  "text" text NOT NULL,
  "bearer" text NOT NULL,
  "frequency" text NOT NULL,
  "requirement_ids" text[] DEFAULT '{}'::text[] NOT NULL,
  "evidence_key" text
);
--> statement-breakpoint
CREATE INDEX "regulation_obligations_reg_idx" ON "regulation_obligations" ("regulation_id", "ord");
--> statement-breakpoint
CREATE INDEX "regulation_obligations_key_idx" ON "regulation_obligations" ("evidence_key");
--> statement-breakpoint
CREATE TABLE "regulation_bindings" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "regulation_id" uuid NOT NULL REFERENCES "regulations"("id"),
  "bound_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_bindings_uq" ON "regulation_bindings" ("tenant_id", "regulation_id");
--> statement-breakpoint
CREATE TABLE "compliance_attestations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "obligation_id" uuid NOT NULL REFERENCES "regulation_obligations"("id"),
  "statement" text NOT NULL,
  "effective_date" date NOT NULL,
  "expires_on" date NOT NULL,
  "file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
  "attested_by" uuid,
  "attested_by_label" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "compliance_attestations_tenant_obl_idx" ON "compliance_attestations" ("tenant_id", "obligation_id");
