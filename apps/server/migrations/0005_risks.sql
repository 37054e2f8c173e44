-- risks module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/risks.ts
CREATE TABLE "risk_settings" (
  "tenant_id" uuid PRIMARY KEY NOT NULL REFERENCES "tenants"("id"),
  "config" jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_contexts" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "year" integer NOT NULL,
  "tasks" text,
  "objectives" text,
  "scope" text,
  "stakeholders" text,
  "regulations" text,
  "owner_person_id" uuid REFERENCES "people"("id"),
  "owner_position" text,
  "appetite_default" integer DEFAULT 10 NOT NULL,
  "appetite" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "risk_contexts_opd_year_uq" ON "risk_contexts" USING btree ("tenant_id","opd_id","year") WHERE "risk_contexts"."deleted_at" is null;
--> statement-breakpoint
CREATE TABLE "risks" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "context_id" uuid NOT NULL REFERENCES "risk_contexts"("id"),
  "opd_id" uuid NOT NULL REFERENCES "opds"("id"),
  "year" integer NOT NULL,
  "seq" integer NOT NULL,
  "kind" text DEFAULT 'negative' NOT NULL,
  "objective" text,
  "asset_name" text NOT NULL,
  "application_id" uuid,
  "application_name" text,
  "threat" text,
  "vulnerability" text,
  "event" text NOT NULL,
  "cause" text,
  "impact" text,
  "category" text NOT NULL,
  "area" text NOT NULL,
  "existing_controls" text,
  "inherent_l" integer NOT NULL,
  "inherent_i" integer NOT NULL,
  "inherent_score" integer NOT NULL,
  "current_l" integer NOT NULL,
  "current_i" integer NOT NULL,
  "current_score" integer NOT NULL,
  "residual_l" integer,
  "residual_i" integer,
  "residual_score" integer,
  "needs_treatment_auto" boolean NOT NULL,
  "needs_treatment_override" boolean,
  "override_reason" text,
  "needs_treatment" boolean NOT NULL,
  "approval_status" text DEFAULT 'belum' NOT NULL,
  "approval_reason" text,
  "approved_by" uuid,
  "approved_by_name" text,
  "approved_at" timestamp with time zone,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "risks_tenant_year_idx" ON "risks" USING btree ("tenant_id","year","opd_id");
--> statement-breakpoint
CREATE INDEX "risks_context_idx" ON "risks" USING btree ("context_id");
--> statement-breakpoint
CREATE TABLE "risk_treatments" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "risk_id" uuid NOT NULL REFERENCES "risks"("id"),
  "option" text NOT NULL,
  "action" text NOT NULL,
  "output" text,
  "start_date" date,
  "end_date" date,
  "owner_name" text,
  "target_l" integer,
  "target_i" integer,
  "target_score" integer,
  "status" text DEFAULT 'planned' NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "risk_treatments_risk_idx" ON "risk_treatments" USING btree ("risk_id");
--> statement-breakpoint
CREATE TABLE "risk_monitorings" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "risk_id" uuid NOT NULL REFERENCES "risks"("id"),
  "date" date NOT NULL,
  "realisation" text NOT NULL,
  "current_l" integer NOT NULL,
  "current_i" integer NOT NULL,
  "current_score" integer NOT NULL,
  "notes" text,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "risk_monitorings_risk_idx" ON "risk_monitorings" USING btree ("risk_id");
