import { riskScore } from '@persada/shared';
import type { Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../seed/context.js';
import { nationalRiskDefaults } from './risks.defaults.js';
import * as repo from './risks.repo.js';

type SeedRisk = {
  asset: string;
  threat: string;
  vuln: string;
  event: string;
  cause: string;
  impact: string;
  category: string;
  area: string;
  controls: string;
  inherent: [number, number];
  current: [number, number];
  residual?: [number, number];
  plan?: { option: string; action: string; output: string; start: string; end: string; owner: string; target: [number, number]; status: string };
  approved?: boolean;
  monitoring?: { date: string; realisation: string; current: [number, number]; notes?: string };
};

const CONTEXTS: Record<string, { tasks: string; objectives: string; scope: string; stakeholders: string; owner?: string; ownerPosition: string; risks: SeedRisk[] }> = {
  DINKES: {
    tasks: 'Urusan pemerintahan bidang kesehatan: pelayanan kesehatan masyarakat, sumber daya kesehatan, pencegahan dan pengendalian penyakit.',
    objectives: 'Meningkatnya kualitas layanan kesehatan berbasis elektronik; indikator: ketersediaan SIMPUS dan SIK ≥ 99%.',
    scope: 'Layanan SPBE Dinas Kesehatan: SIMPUS, Sistem Informasi Kesehatan, data rekam medis Puskesmas.',
    stakeholders: 'Puskesmas, RSUD, BPJS Kesehatan, Diskominfo, masyarakat.',
    owner: 'anggota_tim',
    ownerPosition: 'Kepala Dinas Kesehatan',
    risks: [
      {
        asset: 'Server SIMPUS', threat: 'Ransomware', vuln: 'Sistem operasi server belum diperbarui', event: 'Data rekam medis Puskesmas terenkripsi ransomware',
        cause: 'Patch keamanan tidak diterapkan dan lampiran e-mail berbahaya', impact: 'Layanan Puskesmas terhenti, data pasien tidak dapat diakses',
        category: 'keamanan', area: 'layanan', controls: 'Antivirus pada server', inherent: [4, 5], current: [4, 4], residual: [2, 3],
        plan: { option: 'mitigate', action: 'Menerapkan patch bulanan, backup offline harian dan uji pemulihan', output: 'Laporan patch dan uji restore', start: '2026-02-01', end: '2026-06-30', owner: 'Kepala Seksi SIK', target: [2, 3], status: 'in_progress' },
        approved: true,
        monitoring: { date: '2026-04-15', realisation: 'Backup offline harian berjalan; patch 70% server', current: [3, 4], notes: 'Lanjutkan patch server Puskesmas kecamatan' },
      },
      {
        asset: 'Data pasien (rekam medis elektronik)', threat: 'Akses tidak sah', vuln: 'Akun bersama antar petugas', event: 'Kebocoran data pasien',
        cause: 'Penggunaan akun bersama dan kata sandi lemah', impact: 'Pelanggaran pelindungan data pribadi, tuntutan hukum',
        category: 'data_informasi', area: 'hukum', controls: 'Kebijakan kata sandi', inherent: [3, 5], current: [3, 4],
        plan: { option: 'mitigate', action: 'Akun individual per petugas dengan MFA dan log akses', output: 'Akun individual aktif', start: '2026-03-01', end: '2026-05-31', owner: 'Admin SIMPUS', target: [1, 4], status: 'planned' },
      },
      {
        asset: 'Jaringan Puskesmas', threat: 'Gangguan koneksi', vuln: 'Satu penyedia internet', event: 'Koneksi SIMPUS Puskesmas terputus',
        cause: 'Gangguan ISP tunggal', impact: 'Antrean layanan pasien tertunda', category: 'infrastruktur', area: 'layanan',
        controls: 'Modem cadangan', inherent: [3, 3], current: [3, 2],
      },
    ],
  },
  DISKOMINFO: {
    tasks: 'Urusan komunikasi dan informatika, statistik dan persandian.',
    objectives: 'Terselenggaranya layanan SPBE yang andal dan aman; indikator: indeks KAMI kategori Baik.',
    scope: 'Pusat data, portal resmi Pemda, jaringan intra pemerintah, layanan TTE.',
    stakeholders: 'Seluruh Perangkat Daerah, BSSN, Kementerian Kominfo, masyarakat.',
    owner: 'kepala_dinas',
    ownerPosition: 'Kepala Dinas Komunikasi dan Informatika',
    risks: [
      {
        asset: 'Portal resmi Pemda (www)', threat: 'Web defacement', vuln: 'CMS dan plugin usang', event: 'Tampilan portal Pemda diubah pihak tidak berwenang',
        cause: 'Celah keamanan plugin CMS', impact: 'Reputasi Pemda menurun, pemberitaan media', category: 'aplikasi', area: 'reputasi',
        controls: 'WAF dasar', inherent: [4, 4], current: [3, 4], residual: [2, 2],
        plan: { option: 'mitigate', action: 'Pembaruan CMS, penghapusan plugin tidak terpakai, pemindaian kerentanan bulanan', output: 'Laporan VA bulanan', start: '2026-01-15', end: '2026-03-31', owner: 'Bidang Persandian', target: [2, 2], status: 'in_progress' },
        approved: true,
        monitoring: { date: '2026-03-20', realisation: 'CMS diperbarui; 4 plugin dihapus', current: [2, 3] },
      },
      {
        asset: 'Pusat data', threat: 'Kebakaran / listrik padam', vuln: 'UPS tunggal tanpa genset otomatis', event: 'Pusat data padam total',
        cause: 'Gangguan listrik PLN berkepanjangan', impact: 'Seluruh layanan SPBE tidak tersedia', category: 'infrastruktur', area: 'operasional_tik',
        controls: 'UPS 30 menit', inherent: [2, 5], current: [2, 5],
        plan: { option: 'transfer', action: 'Kerja sama colocation pusat data cadangan (DRC)', output: 'Perjanjian DRC', start: '2026-04-01', end: '2026-11-30', owner: 'Bidang Aplikasi Informatika', target: [2, 2], status: 'planned' },
      },
      {
        asset: 'Server TTE', threat: 'Penyalahgunaan sertifikat', vuln: 'Passphrase dibagikan', event: 'Dokumen ditandatangani oleh pihak tidak berwenang',
        cause: 'Kurangnya kesadaran pemilik sertifikat', impact: 'Dokumen dinas tidak sah, sanksi hukum', category: 'keamanan', area: 'hukum',
        controls: 'Sosialisasi TTE', inherent: [2, 4], current: [2, 3],
      },
      {
        asset: 'SDM pengelola jaringan', threat: 'Ketergantungan pada satu orang', vuln: 'Tidak ada dokumentasi', event: 'Pengelola jaringan utama mutasi',
        cause: 'Tidak ada kaderisasi', impact: 'Gangguan pengelolaan jaringan', category: 'sdm', area: 'sdm', controls: '-', inherent: [3, 3], current: [3, 3],
      },
      {
        asset: 'Layanan e-mail dinas', threat: 'Phishing', vuln: 'Pegawai belum dilatih', event: 'Akun e-mail pegawai diambil alih', cause: 'Kampanye phishing',
        impact: 'Penyebaran e-mail palsu atas nama Pemda', category: 'keamanan', area: 'reputasi', controls: 'Filter spam', inherent: [4, 3], current: [4, 3],
        plan: { option: 'mitigate', action: 'Pelatihan kesadaran keamanan dan simulasi phishing', output: 'Sertifikat pelatihan 300 pegawai', start: '2025-09-01', end: '2025-12-31', owner: 'Bidang Persandian', target: [2, 3], status: 'in_progress' },
      },
    ],
  },
  DISDUKCAPIL: {
    tasks: 'Urusan administrasi kependudukan dan pencatatan sipil.',
    objectives: 'Layanan adminduk daring yang aman; indikator: 0 insiden kebocoran data kependudukan.',
    scope: 'Aplikasi layanan adminduk daring, basis data kependudukan (akses SIAK), perangkat perekaman KTP-el.',
    stakeholders: 'Ditjen Dukcapil Kemendagri, Kecamatan, masyarakat.',
    ownerPosition: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
    risks: [
      {
        asset: 'Basis data kependudukan', threat: 'Kebocoran data', vuln: 'Hak akses operator terlalu luas', event: 'Data kependudukan bocor ke pihak luar',
        cause: 'Operator mengekspor data tanpa otorisasi', impact: 'Penyalahgunaan NIK, tuntutan hukum, pemberitaan nasional',
        category: 'data_informasi', area: 'hukum', controls: 'Perjanjian kerahasiaan operator', inherent: [3, 5], current: [3, 5], residual: [1, 4],
        plan: { option: 'mitigate', action: 'Pembatasan hak akses berbasis peran dan audit log ekspor', output: 'Matriks hak akses, laporan audit log', start: '2026-02-01', end: '2026-04-30', owner: 'Kepala Bidang PIAK', target: [1, 4], status: 'planned' },
      },
      {
        asset: 'Aplikasi layanan adminduk daring', threat: 'Serangan DDoS', vuln: 'Tanpa proteksi DDoS', event: 'Layanan daring tidak dapat diakses', cause: 'Serangan volumetrik',
        impact: 'Masyarakat tidak dapat mengajukan dokumen', category: 'layanan', area: 'layanan', controls: 'Firewall', inherent: [2, 3], current: [2, 3],
      },
      {
        asset: 'Perangkat perekaman KTP-el', threat: 'Kerusakan perangkat', vuln: 'Perangkat berumur > 8 tahun', event: 'Perekaman KTP-el terhenti',
        cause: 'Perangkat usang', impact: 'Antrean perekaman menumpuk', category: 'infrastruktur', area: 'operasional_tik', controls: 'Kontrak pemeliharaan', inherent: [3, 2], current: [2, 2],
      },
    ],
  },
  BKPSDM: {
    tasks: 'Manajemen ASN: kepegawaian, pengembangan kompetensi.',
    objectives: 'Data kepegawaian akurat dan aman; indikator: ketersediaan SIMPEG ≥ 98%.',
    scope: 'SIMPEG dan arsip digital kepegawaian.',
    stakeholders: 'BKN, seluruh Perangkat Daerah, ASN.',
    ownerPosition: 'Kepala BKPSDM',
    risks: [
      {
        asset: 'Server SIMPEG', threat: 'Ransomware', vuln: 'Port RDP terbuka ke internet', event: 'Server SIMPEG terkena ransomware', cause: 'Akses RDP dengan kata sandi lemah',
        impact: 'Data kepegawaian tidak tersedia, proses kenaikan pangkat terhambat', category: 'keamanan', area: 'kinerja',
        controls: 'Backup mingguan', inherent: [5, 4], current: [5, 4], residual: [2, 3],
        plan: { option: 'mitigate', action: 'Menutup RDP publik, VPN dengan MFA, backup harian terenkripsi', output: 'Konfigurasi VPN, laporan backup', start: '2026-01-10', end: '2026-02-28', owner: 'Pengelola SIMPEG', target: [2, 3], status: 'in_progress' },
      },
      {
        asset: 'Arsip digital kepegawaian', threat: 'Kehilangan data', vuln: 'Penyimpanan tanpa replikasi', event: 'Arsip SK pegawai hilang', cause: 'Kerusakan disk',
        impact: 'Dokumen kepegawaian harus direkonstruksi', category: 'data_informasi', area: 'operasional_tik', controls: 'RAID 1', inherent: [2, 4], current: [2, 3],
      },
    ],
  },
  BPKAD: {
    tasks: 'Pengelolaan keuangan dan aset daerah.',
    objectives: 'Pengelolaan keuangan daerah berbasis elektronik yang andal; indikator: SIPD tersedia saat tutup buku.',
    scope: 'Aplikasi pengelolaan keuangan daerah dan aset.',
    stakeholders: 'Kemendagri, BPK, Bank Daerah, seluruh Perangkat Daerah.',
    ownerPosition: 'Kepala BPKAD',
    risks: [
      {
        asset: 'Aplikasi pengelolaan keuangan', threat: 'Kesalahan konfigurasi', vuln: 'Perubahan tanpa uji', event: 'Transaksi SP2D gagal diproses', cause: 'Pembaruan aplikasi tanpa uji',
        impact: 'Pembayaran pihak ketiga tertunda', category: 'aplikasi', area: 'finansial', controls: 'Prosedur change management', inherent: [2, 4], current: [2, 3],
      },
      {
        asset: 'Data rekening pihak ketiga', threat: 'Fraud', vuln: 'Pemisahan tugas belum penuh', event: 'Perubahan rekening penerima secara curang', cause: 'Satu petugas memegang input dan verifikasi',
        impact: 'Kerugian keuangan daerah', category: 'proses_bisnis', area: 'finansial', controls: 'Verifikasi berjenjang', inherent: [2, 5], current: [1, 5],
      },
    ],
  },
};

/** Demo contexts for 2026 and realistic risks with plans (E1). */
export async function seedRisksDemo(db: Db, ctx: DemoSeedContext): Promise<void> {
  const s = nationalRiskDefaults();
  await repo.insertSettingsIfMissing(db, ctx.tenantId, s);
  const createdBy = ctx.userIds.get('operator_opd') ?? ctx.userIds.get('admin') ?? null;
  const approver = ctx.userIds.get('anggota_tim') ?? null;
  for (const [short, c] of Object.entries(CONTEXTS)) {
    const opdId = ctx.opdIds.get(short);
    if (!opdId) continue;
    const context = await repo.insertContext(db, {
      tenantId: ctx.tenantId,
      opdId,
      year: 2026,
      tasks: c.tasks,
      objectives: c.objectives,
      scope: c.scope,
      stakeholders: c.stakeholders,
      regulations: 'PermenPANRB No. 5 Tahun 2020; Peraturan BSSN No. 4 Tahun 2021; Peraturan Wali Kota tentang Manajemen Keamanan Informasi SPBE',
      ownerPersonId: c.owner ? (ctx.personIds.get(c.owner) ?? null) : null,
      ownerPosition: c.ownerPosition,
      appetiteDefault: 10,
      appetite: { keamanan: 8, data_informasi: 8 },
      createdBy,
    });
    const appetite = (cat: string) => (context.appetite as Record<string, number>)[cat] ?? context.appetiteDefault;
    let seq = 0;
    for (const r of c.risks) {
      const currentScore = riskScore(s, ...r.current);
      const row = await repo.insertRisk(db, {
        tenantId: ctx.tenantId,
        contextId: context.id,
        opdId,
        year: 2026,
        seq: ++seq,
        kind: 'negative',
        objective: c.objectives.split(';')[0],
        assetName: r.asset,
        threat: r.threat,
        vulnerability: r.vuln,
        event: r.event,
        cause: r.cause,
        impact: r.impact,
        category: r.category,
        area: r.area,
        existingControls: r.controls,
        inherentL: r.inherent[0],
        inherentI: r.inherent[1],
        inherentScore: riskScore(s, ...r.inherent),
        currentL: r.current[0],
        currentI: r.current[1],
        currentScore,
        residualL: r.residual?.[0] ?? null,
        residualI: r.residual?.[1] ?? null,
        residualScore: r.residual ? riskScore(s, ...r.residual) : null,
        needsTreatmentAuto: currentScore > appetite(r.category),
        needsTreatment: currentScore > appetite(r.category),
        approvalStatus: r.approved ? 'setuju' : 'belum',
        approvedBy: r.approved ? approver : null,
        approvedByName: r.approved ? 'dr. Lestari Dewi' : null,
        approvedAt: r.approved ? new Date('2026-02-10T03:00:00Z') : null,
        createdBy,
      });
      if (r.plan)
        await repo.insertTreatment(db, {
          tenantId: ctx.tenantId,
          riskId: row.id,
          option: r.plan.option,
          action: r.plan.action,
          output: r.plan.output,
          startDate: r.plan.start,
          endDate: r.plan.end,
          ownerName: r.plan.owner,
          targetL: r.plan.target[0],
          targetI: r.plan.target[1],
          targetScore: riskScore(s, ...r.plan.target),
          status: r.plan.status,
        });
      if (r.monitoring)
        await repo.insertMonitoring(db, {
          tenantId: ctx.tenantId,
          riskId: row.id,
          date: r.monitoring.date,
          realisation: r.monitoring.realisation,
          currentL: r.monitoring.current[0],
          currentI: r.monitoring.current[1],
          currentScore: riskScore(s, ...r.monitoring.current),
          notes: r.monitoring.notes ?? null,
          createdBy,
        });
    }
  }
}
