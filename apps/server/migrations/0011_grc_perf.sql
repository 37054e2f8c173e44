CREATE INDEX "risks_year_score_idx" ON "risks" USING btree ("tenant_id","year","current_score","inherent_score","needs_treatment","current_l","current_i","opd_id","seq","id") WHERE "risks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "risks_context_score_idx" ON "risks" USING btree ("context_id","current_score") WHERE "risks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "risk_treatments_open_end_idx" ON "risk_treatments" USING btree ("tenant_id","end_date") WHERE "risk_treatments"."deleted_at" is null and "risk_treatments"."status" in ('planned', 'in_progress');--> statement-breakpoint
CREATE INDEX "sys_applications_tenant_name_idx" ON "sys_applications" USING btree ("tenant_id","name","id") WHERE "sys_applications"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "sys_categorizations_app_latest_idx" ON "sys_categorizations" USING btree ("application_id","assessed_on","created_at");
