-- grc links: a risk's asset is a record of the systems registers (application, device, database,
-- security ICT asset); asset_entity names the register, application_id holds the record id.
ALTER TABLE "risks" ADD COLUMN "asset_entity" text;--> statement-breakpoint
CREATE INDEX "risks_asset_idx" ON "risks" USING btree ("tenant_id","application_id");
