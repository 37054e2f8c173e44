import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { secopsActivities, secopsCoverage, secopsFindings, secopsReports, secopsSocProfiles, sysApplications, sysDevices } from '../../db/schema/index.js';
import type { DemoSeedContext } from '../../seed/context.js';
import { addMonths, todayJakarta } from './secops.dates.js';

/**
 * Demo records for "Kota Contoh" (D13, D14): security-cycle activities on SIMPEG, SIMRS and the
 * data centre with findings (one critical still open, one overdue), the SOC profile, monitoring
 * coverage and the last quarter's monitoring report. Dates are relative to the seeding day.
 */
export async function seedSecopsDemo(db: Db, ctx: DemoSeedContext): Promise<void> {
  const { tenantId } = ctx;
  const today = todayJakarta();
  const ago = (months: number, days = 0) => {
    const d = new Date(`${addMonths(today, -months)}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    return d.toISOString().slice(0, 10);
  };
  const ahead = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const app = async (name: string) =>
    (await db.select({ id: sysApplications.id, opdId: sysApplications.opdId }).from(sysApplications).where(and(eq(sysApplications.tenantId, tenantId), eq(sysApplications.name, name))))[0];
  const dev = async (name: string) =>
    (await db.select({ id: sysDevices.id, opdId: sysDevices.opdId }).from(sysDevices).where(and(eq(sysDevices.tenantId, tenantId), eq(sysDevices.name, name))))[0];
  const simpeg = await app('SIMPEG');
  const simrs = await app('SIMRS');
  const portal = await app('Portal Resmi Pemerintah Kota');
  const fw = await dev('FW-EDGE-01');
  const kadis = ctx.personIds.get('kepala_dinas') ?? null;
  const analyst = ctx.personIds.get('kabid_persandian') ?? ctx.personIds.get('admin') ?? null;

  await db.transaction(async (tx) => {
    const act = async (v: Omit<typeof secopsActivities.$inferInsert, 'tenantId'>) => (await tx.insert(secopsActivities).values({ ...v, tenantId }).returning())[0];
    const finding = (v: Omit<typeof secopsFindings.$inferInsert, 'tenantId'>) => tx.insert(secopsFindings).values({ ...v, tenantId });

    if (simpeg) {
      const va = await act({
        targetKind: 'application', applicationId: simpeg.id, opdId: simpeg.opdId, function: 'identifikasi', kind: 'vulnerability_assessment',
        title: 'Penilaian kerentanan SIMPEG', performedOn: ago(2), executor: 'internal', scope: 'simpeg.contohkota.go.id (aplikasi web dan API)',
        result: 'Ditemukan 3 kerentanan; 1 kritis (SQL injection pada pencarian pegawai).',
      });
      await finding({ activityId: va.id, title: 'SQL injection pada parameter pencarian pegawai', severity: 'kritis', description: 'Parameter q pada /pegawai/cari tidak disanitasi.', ownerText: 'Tim pengembang SIMPEG (BKPSDM)', dueDate: ahead(10) });
      await finding({ activityId: va.id, title: 'Header keamanan HTTP belum dipasang', severity: 'rendah', ownerText: 'Tim pengembang SIMPEG (BKPSDM)', dueDate: ago(0, 20) });
      await finding({ activityId: va.id, title: 'Versi server web terungkap pada header', severity: 'info', status: 'diverifikasi', fixedOn: ago(1, 10), verifiedOn: ago(1), ownerText: 'Admin server pusat data' });
      await act({ targetKind: 'application', applicationId: simpeg.id, opdId: simpeg.opdId, function: 'proteksi', kind: 'hardening', title: 'Hardening server dan WAF SIMPEG', performedOn: ago(1), executor: 'internal', scope: 'SRV-DC-APP-01, aturan WAF', result: 'Aturan WAF OWASP CRS aktif.' });
      await act({ targetKind: 'application', applicationId: simpeg.id, opdId: simpeg.opdId, function: 'deteksi', kind: 'monitoring_review', performedOn: ago(0, 14), executor: 'internal', scope: 'Log aplikasi dan WAF di SIEM', result: 'Tidak ada anomali berarti.' });
      await act({ targetKind: 'application', applicationId: simpeg.id, opdId: simpeg.opdId, function: 'pemulihan', kind: 'backup_restore_test', performedOn: ago(4), executor: 'internal', scope: 'Basis data SIMPEG', result: 'Restore berhasil dalam 45 menit (RTO 60 menit).' });
    }
    if (simrs) {
      const pt = await act({
        targetKind: 'application', applicationId: simrs.id, opdId: simrs.opdId, function: 'identifikasi', kind: 'penetration_test',
        title: 'Uji penetrasi SIMRS', performedOn: ago(14), executor: 'third_party', executorName: 'PT Keamanan Siber Nusantara', scope: 'simrs.contohkota.go.id',
        result: 'Dua temuan tinggi; satu diterima sebagai risiko sampai migrasi ke pusat data.',
      });
      await finding({ activityId: pt.id, title: 'Sistem operasi server SIMRS sudah tidak didukung vendor', severity: 'tinggi', status: 'diterima', acceptedOn: ago(13), acceptedReason: 'Server dimigrasikan ke pusat data pada 2026; kompensasi: segmentasi jaringan.', ownerText: 'Dinas Kesehatan' });
      await finding({ activityId: pt.id, title: 'Kata sandi bawaan pada panel administrasi', severity: 'tinggi', status: 'diperbaiki', fixedOn: ago(13), ownerText: 'PT Medika Integrasi Nusantara', dueDate: ago(13, -10) });
    }
    if (portal) await act({ targetKind: 'application', applicationId: portal.id, opdId: portal.opdId, function: 'identifikasi', kind: 'vulnerability_assessment', performedOn: ago(6), executor: 'internal', scope: 'contohkota.go.id', result: 'Tidak ada temuan kritis.' });
    if (fw) await act({ targetKind: 'device', deviceId: fw.id, opdId: fw.opdId, function: 'proteksi', kind: 'configuration_review', performedOn: ago(3), executor: 'internal', scope: 'Kebijakan firewall perimeter', result: 'Aturan any-any dihapus.' });
    await act({ targetKind: 'area', area: 'pusat_data', function: 'pemulihan', kind: 'backup_restore_test', title: 'Uji pemulihan ke pusat pemulihan data', performedOn: ago(5), executor: 'internal', scope: 'Replikasi SRV-DC ke SRV-DRC-01', result: 'Pemulihan layanan prioritas berhasil.' });
    await act({ targetKind: 'area', area: 'jaringan_intra', function: 'deteksi', kind: 'monitoring_review', performedOn: ago(1), executor: 'internal', scope: 'NetFlow jaringan antar-OPD', result: 'Dua perangkat tak dikenal diblokir.' });
    await act({ targetKind: 'area', area: 'data', function: 'identifikasi', kind: 'risk_analysis', title: 'Analisis risiko data pribadi', performedOn: ago(15), executor: 'internal', scope: 'Basis data kepegawaian dan kesehatan', result: 'Perlu enkripsi kolom NIK.' });

    await tx.insert(secopsSocProfiles).values({
      tenantId,
      name: 'Kota Contoh Security Operations Center (KC-SOC)',
      decreeNumber: 'Keputusan Wali Kota Contoh Nomor 800/215/2025',
      decreeDate: '2025-06-02',
      operatingHours: 'Senin–Jumat 07.30–16.00 WIB; siaga di luar jam kerja melalui telepon jaga',
      people: [
        ...(kadis ? [{ personId: kadis, role: 'coordinator' as const }] : []),
        ...(analyst ? [{ personId: analyst, role: 'analyst' as const }, { personId: analyst, role: 'responder' as const }] : []),
      ],
      processes: [
        { number: 'SOP.KI.01/2025', title: 'Pemantauan peristiwa keamanan' },
        { number: 'SOP.KI.02/2025', title: 'Eskalasi peringatan keamanan' },
        { number: 'SOP.KI.03/2025', title: 'Pemulihan layanan setelah insiden' },
      ],
      tools: [
        { name: 'SIEM Wazuh', purpose: 'Pengumpulan dan korelasi log, deteksi ancaman' },
        { name: 'FortiGate FW-EDGE-01', purpose: 'Pencegahan intrusi di perimeter' },
        { name: 'Uptime Kuma', purpose: 'Pemantauan ketersediaan layanan' },
      ],
    });
    const cover = [simpeg && { targetKind: 'application' as const, applicationId: simpeg.id, opdId: simpeg.opdId, tool: 'SIEM Wazuh' }, portal && { targetKind: 'application' as const, applicationId: portal.id, opdId: portal.opdId, tool: 'Uptime Kuma' }, fw && { targetKind: 'device' as const, deviceId: fw.id, opdId: fw.opdId, tool: 'SIEM Wazuh' }].filter(
      (x): x is NonNullable<typeof x> => !!x,
    );
    if (cover.length) await tx.insert(secopsCoverage).values(cover.map((c) => ({ ...c, tenantId })));
    const qEnd = ago(0, 1);
    await tx.insert(secopsReports).values({
      tenantId,
      periodStart: ago(3),
      periodEnd: qEnd,
      eventsObserved: 18_240,
      alertsEscalated: 37,
      incidentsRaised: 2,
      incidentsNote: 'Dua insiden: percobaan brute force e-Office dan defacement subdomain lama (ditangani CSIRT).',
      notes: 'Cakupan pemantauan bertambah: Portal Resmi dan firewall perimeter.',
    });
  });
}
