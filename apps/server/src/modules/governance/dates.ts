/** Calendar-day helpers on ISO dates (YYYY-MM-DD), free of time zones. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
/** Today in Asia/Jakarta. */
export function todayJakarta(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
/** 08:00 WIB on that day, as an instant (reminder due time). */
export const morningOf = (iso: string) => new Date(`${iso}T01:00:00Z`);
export const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
