-- pki module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/pki.ts
CREATE TABLE pki_ca_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'active',
  subject_dn text NOT NULL,
  serial_hex text NOT NULL,
  cert_der bytea NOT NULL,
  key_algorithm text NOT NULL,
  key_store text NOT NULL DEFAULT 'software',
  key_ref text NOT NULL,
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX pki_ca_keys_active_uq ON pki_ca_keys (tenant_id, kind) WHERE status = 'active';
--> statement-breakpoint
CREATE TABLE pki_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  issuer_id uuid NOT NULL,
  serial_hex text NOT NULL,
  profile text NOT NULL,
  subject_dn text NOT NULL,
  common_name text NOT NULL,
  email text,
  sans jsonb NOT NULL DEFAULT '{}'::jsonb,
  key_algorithm text NOT NULL,
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  sha256 text NOT NULL,
  cert_der bytea NOT NULL,
  status text NOT NULL DEFAULT 'good',
  revoked_at timestamptz,
  revocation_reason text,
  invalidity_date timestamptz,
  holder_entity text,
  holder_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX pki_certificates_serial_uq ON pki_certificates (tenant_id, serial_hex);
--> statement-breakpoint
CREATE INDEX pki_certificates_revoked_idx ON pki_certificates (tenant_id, issuer_id) WHERE status = 'revoked';
--> statement-breakpoint
CREATE INDEX pki_certificates_created_idx ON pki_certificates (tenant_id, created_at);
--> statement-breakpoint
CREATE TABLE pki_crls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  issuer_id uuid NOT NULL,
  crl_number bigint NOT NULL,
  this_update timestamptz NOT NULL,
  next_update timestamptz NOT NULL,
  entries integer NOT NULL,
  covered_until timestamptz,
  der bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX pki_crls_number_uq ON pki_crls (tenant_id, issuer_id, crl_number);
--> statement-breakpoint
CREATE TABLE pki_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  issuer text NOT NULL DEFAULT 'embedded',
  external_url text,
  external_options jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_secret text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
