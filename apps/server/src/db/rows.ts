/** Rows of a `db.execute` result; node-postgres and PGlite both expose `.rows`. */
export const rowsOf = <T = Record<string, any>>(result: unknown): T[] => (result as { rows: T[] }).rows;
