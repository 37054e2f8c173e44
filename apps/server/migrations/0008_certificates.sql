-- certificates module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/certificates.ts
SELECT 1;
