/** Calendar-day helpers on ISO dates (YYYY-MM-DD) in Asia/Jakarta. */
export function todayJakarta(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
/** 08:00 WIB on that day, as an instant (reminder due time). */
export const morningOf = (iso: string) => new Date(`${iso}T01:00:00Z`);
/** The 12-month window of the security cycle: activities on or after this day count as current. */
export const cycleSince = (today: string) => addMonths(today, -12);
