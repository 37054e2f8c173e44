-- Foreign keys of the module tables renamed to the names drizzle-kit gives them, so the
-- database matches the schema snapshot exactly (the hand-written migrations used PostgreSQL's defaults).
ALTER TABLE "cert_application_events" RENAME CONSTRAINT "cert_application_events_application_id_fkey" TO "cert_application_events_application_id_cert_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_application_events" RENAME CONSTRAINT "cert_application_events_tenant_id_fkey" TO "cert_application_events_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_application_files" RENAME CONSTRAINT "cert_application_files_application_id_fkey" TO "cert_application_files_application_id_cert_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_application_files" RENAME CONSTRAINT "cert_application_files_file_id_fkey" TO "cert_application_files_file_id_files_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_application_files" RENAME CONSTRAINT "cert_application_files_tenant_id_fkey" TO "cert_application_files_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_applications" RENAME CONSTRAINT "cert_applications_applicant_person_id_fkey" TO "cert_applications_applicant_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_applications" RENAME CONSTRAINT "cert_applications_applicant_user_id_fkey" TO "cert_applications_applicant_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_applications" RENAME CONSTRAINT "cert_applications_opd_id_fkey" TO "cert_applications_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_applications" RENAME CONSTRAINT "cert_applications_tenant_id_fkey" TO "cert_applications_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_certificates" RENAME CONSTRAINT "cert_certificates_application_id_fkey" TO "cert_certificates_application_id_cert_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_certificates" RENAME CONSTRAINT "cert_certificates_opd_id_fkey" TO "cert_certificates_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_certificates" RENAME CONSTRAINT "cert_certificates_tenant_id_fkey" TO "cert_certificates_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_complaints" RENAME CONSTRAINT "cert_complaints_tenant_id_fkey" TO "cert_complaints_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_evaluations" RENAME CONSTRAINT "cert_evaluations_tenant_id_fkey" TO "cert_evaluations_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_needs" RENAME CONSTRAINT "cert_needs_opd_id_fkey" TO "cert_needs_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_needs" RENAME CONSTRAINT "cert_needs_tenant_id_fkey" TO "cert_needs_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_provider_agreements" RENAME CONSTRAINT "cert_provider_agreements_tenant_id_fkey" TO "cert_provider_agreements_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_ra_operators" RENAME CONSTRAINT "cert_ra_operators_tenant_id_fkey" TO "cert_ra_operators_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_ra_operators" RENAME CONSTRAINT "cert_ra_operators_user_id_fkey" TO "cert_ra_operators_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_revocations" RENAME CONSTRAINT "cert_revocations_certificate_id_fkey" TO "cert_revocations_certificate_id_cert_certificates_id_fk";
--> statement-breakpoint
ALTER TABLE "cert_revocations" RENAME CONSTRAINT "cert_revocations_tenant_id_fkey" TO "cert_revocations_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "compliance_attestations" RENAME CONSTRAINT "compliance_attestations_obligation_id_fkey" TO "compliance_attestations_obligation_id_regulation_obligations_id";
--> statement-breakpoint
ALTER TABLE "compliance_attestations" RENAME CONSTRAINT "compliance_attestations_tenant_id_fkey" TO "compliance_attestations_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "pki_ca_keys" RENAME CONSTRAINT "pki_ca_keys_tenant_id_fkey" TO "pki_ca_keys_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "pki_certificates" RENAME CONSTRAINT "pki_certificates_tenant_id_fkey" TO "pki_certificates_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "pki_crls" RENAME CONSTRAINT "pki_crls_tenant_id_fkey" TO "pki_crls_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "pki_settings" RENAME CONSTRAINT "pki_settings_tenant_id_fkey" TO "pki_settings_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_articles" RENAME CONSTRAINT "regulation_articles_regulation_id_fkey" TO "regulation_articles_regulation_id_regulations_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_articles" RENAME CONSTRAINT "regulation_articles_tenant_id_fkey" TO "regulation_articles_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_bindings" RENAME CONSTRAINT "regulation_bindings_regulation_id_fkey" TO "regulation_bindings_regulation_id_regulations_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_bindings" RENAME CONSTRAINT "regulation_bindings_tenant_id_fkey" TO "regulation_bindings_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_clauses" RENAME CONSTRAINT "regulation_clauses_article_id_fkey" TO "regulation_clauses_article_id_regulation_articles_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_clauses" RENAME CONSTRAINT "regulation_clauses_tenant_id_fkey" TO "regulation_clauses_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_obligations" RENAME CONSTRAINT "regulation_obligations_article_id_fkey" TO "regulation_obligations_article_id_regulation_articles_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_obligations" RENAME CONSTRAINT "regulation_obligations_regulation_id_fkey" TO "regulation_obligations_regulation_id_regulations_id_fk";
--> statement-breakpoint
ALTER TABLE "regulation_obligations" RENAME CONSTRAINT "regulation_obligations_tenant_id_fkey" TO "regulation_obligations_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "regulations" RENAME CONSTRAINT "regulations_tenant_id_fkey" TO "regulations_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_contexts" RENAME CONSTRAINT "risk_contexts_opd_id_fkey" TO "risk_contexts_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_contexts" RENAME CONSTRAINT "risk_contexts_owner_person_id_fkey" TO "risk_contexts_owner_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_contexts" RENAME CONSTRAINT "risk_contexts_tenant_id_fkey" TO "risk_contexts_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_monitorings" RENAME CONSTRAINT "risk_monitorings_risk_id_fkey" TO "risk_monitorings_risk_id_risks_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_monitorings" RENAME CONSTRAINT "risk_monitorings_tenant_id_fkey" TO "risk_monitorings_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_settings" RENAME CONSTRAINT "risk_settings_tenant_id_fkey" TO "risk_settings_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_treatments" RENAME CONSTRAINT "risk_treatments_risk_id_fkey" TO "risk_treatments_risk_id_risks_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_treatments" RENAME CONSTRAINT "risk_treatments_tenant_id_fkey" TO "risk_treatments_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "risks" RENAME CONSTRAINT "risks_context_id_fkey" TO "risks_context_id_risk_contexts_id_fk";
--> statement-breakpoint
ALTER TABLE "risks" RENAME CONSTRAINT "risks_opd_id_fkey" TO "risks_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "risks" RENAME CONSTRAINT "risks_tenant_id_fkey" TO "risks_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "signing_requests" RENAME CONSTRAINT "signing_requests_created_by_fkey" TO "signing_requests_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "signing_requests" RENAME CONSTRAINT "signing_requests_tenant_id_fkey" TO "signing_requests_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "signing_signers" RENAME CONSTRAINT "signing_signers_request_id_fkey" TO "signing_signers_request_id_signing_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "signing_signers" RENAME CONSTRAINT "signing_signers_tenant_id_fkey" TO "signing_signers_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "signing_signers" RENAME CONSTRAINT "signing_signers_user_id_fkey" TO "signing_signers_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_applications" RENAME CONSTRAINT "sys_applications_opd_id_fkey" TO "sys_applications_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_applications" RENAME CONSTRAINT "sys_applications_tenant_id_fkey" TO "sys_applications_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_categorizations" RENAME CONSTRAINT "sys_categorizations_application_id_fkey" TO "sys_categorizations_application_id_sys_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_categorizations" RENAME CONSTRAINT "sys_categorizations_tenant_id_fkey" TO "sys_categorizations_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_databases" RENAME CONSTRAINT "sys_databases_application_id_fkey" TO "sys_databases_application_id_sys_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_databases" RENAME CONSTRAINT "sys_databases_opd_id_fkey" TO "sys_databases_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_databases" RENAME CONSTRAINT "sys_databases_tenant_id_fkey" TO "sys_databases_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_devices" RENAME CONSTRAINT "sys_devices_opd_id_fkey" TO "sys_devices_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_devices" RENAME CONSTRAINT "sys_devices_tenant_id_fkey" TO "sys_devices_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_interconnections" RENAME CONSTRAINT "sys_interconnections_application_id_fkey" TO "sys_interconnections_application_id_sys_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_interconnections" RENAME CONSTRAINT "sys_interconnections_opd_id_fkey" TO "sys_interconnections_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_interconnections" RENAME CONSTRAINT "sys_interconnections_tenant_id_fkey" TO "sys_interconnections_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_interconnections" RENAME CONSTRAINT "sys_interconnections_third_party_id_fkey" TO "sys_interconnections_third_party_id_sys_third_parties_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_ip_addresses" RENAME CONSTRAINT "sys_ip_addresses_application_id_fkey" TO "sys_ip_addresses_application_id_sys_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_ip_addresses" RENAME CONSTRAINT "sys_ip_addresses_device_id_fkey" TO "sys_ip_addresses_device_id_sys_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_ip_addresses" RENAME CONSTRAINT "sys_ip_addresses_opd_id_fkey" TO "sys_ip_addresses_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_ip_addresses" RENAME CONSTRAINT "sys_ip_addresses_tenant_id_fkey" TO "sys_ip_addresses_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_maintenance" RENAME CONSTRAINT "sys_maintenance_device_id_fkey" TO "sys_maintenance_device_id_sys_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_maintenance" RENAME CONSTRAINT "sys_maintenance_tenant_id_fkey" TO "sys_maintenance_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_security_assets" RENAME CONSTRAINT "sys_security_assets_opd_id_fkey" TO "sys_security_assets_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_security_assets" RENAME CONSTRAINT "sys_security_assets_tenant_id_fkey" TO "sys_security_assets_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_sla_reports" RENAME CONSTRAINT "sys_sla_reports_tenant_id_fkey" TO "sys_sla_reports_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_sla_reports" RENAME CONSTRAINT "sys_sla_reports_third_party_id_fkey" TO "sys_sla_reports_third_party_id_sys_third_parties_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_subdomains" RENAME CONSTRAINT "sys_subdomains_application_id_fkey" TO "sys_subdomains_application_id_sys_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_subdomains" RENAME CONSTRAINT "sys_subdomains_opd_id_fkey" TO "sys_subdomains_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_subdomains" RENAME CONSTRAINT "sys_subdomains_tenant_id_fkey" TO "sys_subdomains_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_tech_docs" RENAME CONSTRAINT "sys_tech_docs_application_id_fkey" TO "sys_tech_docs_application_id_sys_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_tech_docs" RENAME CONSTRAINT "sys_tech_docs_tenant_id_fkey" TO "sys_tech_docs_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_third_parties" RENAME CONSTRAINT "sys_third_parties_opd_id_fkey" TO "sys_third_parties_opd_id_opds_id_fk";
--> statement-breakpoint
ALTER TABLE "sys_third_parties" RENAME CONSTRAINT "sys_third_parties_tenant_id_fkey" TO "sys_third_parties_tenant_id_tenants_id_fk";
