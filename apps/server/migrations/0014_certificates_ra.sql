-- The signed agreement with the certificate provider (K1) is kept as an encrypted file.
ALTER TABLE "cert_provider_agreements" ADD COLUMN "file_id" uuid;
--> statement-breakpoint
ALTER TABLE "cert_provider_agreements" ADD CONSTRAINT "cert_provider_agreements_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;
