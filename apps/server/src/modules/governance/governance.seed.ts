import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { govControls } from '../../db/schema/index.js';
import type { DemoSeedContext } from '../../seed/context.js';
import { CHAIR_DUTIES, MEMBER_DUTIES, RESPONSIBLE_DUTIES } from './data/catalog.js';
import * as repo from './governance.repo.js';
import { architectureValidUntil, plannedEvaluations } from './governance.service.js';
import { ensureStarterSops } from './sops.service.js';

const years = (a: string, b: string, c: string, d: string, e: string) => [a, b, c, d, e];

/** Demo records for "Kota Contoh": Renstra 2025–2029, architecture, rules and the 22 procedures, team, SOPs, policies, BC/DR. */
export async function seedGovernanceDemo(db: Db, ctx: DemoSeedContext): Promise<void> {
  const { tenantId } = ctx;
  const person = async (role: string) => {
    const id = ctx.personIds.get(role);
    if (!id) return null;
    const [p] = await repo.peopleByIds(db, tenantId, [id]);
    return p ?? null;
  };
  const kadis = await person('kepala_dinas');

  await db.transaction(async (tx) => {
    await repo.insertPlan(tx, {
      tenantId,
      title: 'Rencana Strategis Pengamanan Informasi Kota Contoh 2025–2029',
      startYear: 2025,
      rpjmdReference: 'Peraturan Daerah Kota Contoh Nomor 3 Tahun 2025 tentang RPJMD 2025–2029, Misi 4 (tata kelola pemerintahan digital)',
      goals: [
        { goal: 'Terjaminnya keamanan informasi penyelenggaraan SPBE Pemerintah Kota Contoh', targets: ['Indeks KAMI kategori "Baik" pada 2029', 'Seluruh aplikasi SPBE memiliki sertifikat elektronik'] },
        { goal: 'Meningkatnya kapasitas SDM keamanan informasi', targets: ['Paling sedikit 5 SDM bersertifikat keamanan TIK dan aplikasi'] },
      ],
      programs: [
        {
          name: 'Program Penyelenggaraan Persandian untuk Pengamanan Informasi',
          activities: [
            { name: 'Penerapan sertifikat elektronik untuk ASN', yearlyTargets: years('30%', '50%', '70%', '90%', '100%') },
            { name: 'Penilaian mandiri Indeks KAMI', yearlyTargets: years('1 kali', '1 kali', '1 kali', '1 kali', '1 kali') },
            { name: 'Uji keamanan (VA/pentest) aplikasi SPBE', yearlyTargets: years('5 aplikasi', '8 aplikasi', '10 aplikasi', '12 aplikasi', '15 aplikasi') },
          ],
        },
        {
          name: 'Program Pengembangan SDM Keamanan Informasi',
          activities: [{ name: 'Pelatihan dan sertifikasi keamanan TIK', yearlyTargets: years('2 orang', '3 orang', '4 orang', '5 orang', '5 orang') }],
        },
      ],
      roadmap: [
        { year: 2025, milestones: 'Penetapan arsitektur keamanan informasi; pembentukan tim pelaksana teknis; SOP penanganan insiden.' },
        { year: 2026, milestones: 'Penetapan 22 prosedur pengendalian; Indeks KAMI pertama; CSIRT Kota Contoh.' },
        { year: 2027, milestones: 'Evaluasi paruh waktu arsitektur; uji BC/DR seluruh layanan prioritas.' },
        { year: 2028, milestones: 'Penerapan prosedur pengendalian di seluruh OPD.' },
        { year: 2029, milestones: 'Evaluasi akhir renstra dan arsitektur; penyusunan renstra 2030–2034.' },
      ],
      bssnConsultationDate: '2025-02-12',
      bssnConsultationNotes: 'Konsultasi daring dengan Direktorat Keamanan Siber dan Sandi Pemerintah Daerah BSSN; masukan: tambahkan target Indeks KAMI per tahun.',
      decreeNumber: '800/45/KOMINFO/2025',
      decreeDate: '2025-03-03',
    });

    const validFrom = '2025-03-10';
    await repo.insertArchitecture(tx, {
      tenantId,
      title: 'Arsitektur Keamanan Informasi Pemerintah Kota Contoh 2025–2030',
      infrastructure: 'Pusat data Kota Contoh (Tier II) di Diskominfo, jaringan intra pemerintah (fiber) ke 11 OPD, layanan cloud nasional untuk cadangan.',
      deviceNetworkDesign: 'Segmentasi VLAN per OPD, firewall perimeter dan internal, DMZ untuk layanan publik, VPN untuk akses jarak jauh, manajemen patch terpusat.',
      securityApplications: 'Next-generation firewall, WAF untuk aplikasi publik, antivirus endpoint terpusat, SIEM, sertifikat elektronik BSrE untuk aplikasi dan ASN.',
      decreeNumber: 'Keputusan Wali Kota Contoh Nomor 100.3.3/112/2025',
      decreeDate: validFrom,
      validFrom,
      validUntil: architectureValidUntil(validFrom),
      evaluations: plannedEvaluations(validFrom),
    });

    await repo.ensureControlCatalog(tx, tenantId);
    const controls = await repo.listControls(tx, tenantId);
    const set = async (kind: 'rule' | 'procedure', code: string, v: Partial<typeof govControls.$inferInsert>) => {
      await tx.update(govControls).set(v).where(and(eq(govControls.tenantId, tenantId), eq(govControls.kind, kind), eq(govControls.code, code)));
    };
    for (const code of ['a', 'b', 'c', 'e', 'g']) {
      await set('rule', code, { instrumentType: 'peraturan_walikota', instrumentNumber: 'Peraturan Wali Kota Contoh Nomor 12 Tahun 2025', instrumentDate: '2025-05-02' });
    }
    for (const code of ['a', 'b', 'c', 'g', 'h', 'q', 'r', 's', 't']) {
      await set('procedure', code, {
        instrumentType: code === 'q' ? 'keputusan_walikota' : 'surat_edaran_sekda',
        instrumentNumber: code === 'q' ? 'Keputusan Wali Kota Contoh Nomor 100.3.3/140/2025' : 'Surat Edaran Sekda Nomor 400.14/27/SETDA/2025',
        instrumentDate: '2025-07-14',
      });
    }
    await set('procedure', 'r', { links: [{ entity: 'sop', id: null, label: 'SOP PI.03 Penanganan Insiden Keamanan Informasi TI' }] });
    const applied: [string, string, 'applied' | 'in_progress'][] = [
      ['a', 'DISKOMINFO', 'applied'],
      ['b', 'DISKOMINFO', 'applied'],
      ['c', 'DISKOMINFO', 'applied'],
      ['r', 'DISKOMINFO', 'applied'],
      ['q', 'DISKOMINFO', 'applied'],
      ['g', 'DISKOMINFO', 'in_progress'],
      ['a', 'DINKES', 'applied'],
      ['h', 'DINKES', 'in_progress'],
      ['g', 'DISDUKCAPIL', 'applied'],
      ['q', 'BPKAD', 'in_progress'],
    ];
    for (const [code, opd, status] of applied) {
      const c = controls.find((x) => x.kind === 'procedure' && x.code === code);
      const opdId = ctx.opdIds.get(opd);
      if (c && opdId) await repo.upsertControlStatus(tx, { tenantId, controlId: c.id, opdId, status, evidenceFileIds: [], notes: status === 'applied' ? 'Diterapkan sesuai surat edaran.' : null });
    }

    const team = [
      ['responsible', ctx.personIds.get('sekda'), RESPONSIBLE_DUTIES],
      ['chair', ctx.personIds.get('kepala_dinas'), CHAIR_DUTIES],
      ['member', ctx.personIds.get('anggota_tim'), MEMBER_DUTIES],
    ] as const;
    await repo.replaceTeam(
      tx,
      tenantId,
      { decreeNumber: 'Keputusan Sekretaris Daerah Nomor 000.8.3/21/SETDA/2025', decreeDate: '2025-04-07', decreeFileId: null },
      team.filter(([, id]) => !!id).map(([role, personId, duties]) => ({ role, personId: personId!, duties: [...duties] })),
    );

    const sops = await ensureStarterSops(tx, tenantId);
    for (const s of sops) {
      await repo.updateSop(tx, tenantId, s.id, {
        approverPersonId: kadis?.id ?? null,
        approverName: kadis ? kadis.fullName : null,
        approverNip: kadis?.nip ?? null,
      });
    }

    await repo.insertPolicy(tx, {
      tenantId,
      kind: 'internal_policy',
      title: 'Kebijakan Internal Manajemen Keamanan Informasi SPBE Pemerintah Kota Contoh',
      number: 'Peraturan Wali Kota Contoh Nomor 40 Tahun 2024',
      legalForm: 'Peraturan Wali Kota',
      scopes: ['data', 'applications', 'infrastructure'],
      scopeText: 'Data dan informasi SPBE, Aplikasi SPBE, dan Infrastruktur SPBE; penjaminan kerahasiaan, keutuhan, ketersediaan, keaslian dan kenirsangkalan.',
      legalBasis: ['Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE', 'Peraturan BSSN Nomor 4 Tahun 2021 tentang Pedoman Manajemen Keamanan Informasi SPBE'],
      elements: ['scope', 'responsible', 'planning', 'operational_support', 'performance_evaluation', 'continuous_improvement', 'risk_management', 'control_procedures', 'third_party'],
      assurances: ['confidentiality', 'integrity', 'availability', 'authenticity', 'non_repudiation'],
      effectiveDate: '2024-10-01',
      status: 'in_force',
      approvedAt: new Date('2024-09-20T03:00:00Z'),
      approvedBy: 'H. Budi Santoso (Wali Kota)',
    });
    await repo.insertPolicy(tx, {
      tenantId,
      kind: 'regulation',
      title: 'Pedoman Pengamanan Informasi di Lingkungan Pemerintah Kota Contoh',
      number: 'Peraturan Wali Kota Contoh Nomor 35 Tahun 2023',
      legalForm: 'Peraturan Wali Kota',
      scopes: ['data', 'applications', 'infrastructure'],
      scopeText: 'Tata kelola persandian dan pengamanan informasi seluruh Perangkat Daerah.',
      legalBasis: ['Peraturan Kepala Lembaga Sandi Negara Nomor 7 Tahun 2017'],
      effectiveDate: '2023-08-01',
      status: 'in_force',
      approvedAt: new Date('2023-07-20T03:00:00Z'),
      approvedBy: 'H. Budi Santoso (Wali Kota)',
    });
    await repo.insertPolicy(tx, {
      tenantId,
      kind: 'technical_policy',
      title: 'Kebijakan Penggunaan Kata Sandi dan Autentikasi Dua Faktor',
      number: null,
      legalForm: 'Surat Edaran Sekretaris Daerah',
      scopes: ['applications'],
      scopeText: 'Seluruh aplikasi SPBE yang dikelola Perangkat Daerah.',
      legalBasis: ['Peraturan Wali Kota Contoh Nomor 40 Tahun 2024'],
      status: 'draft',
    });

    // The legal basis list of the annual report (JMB-MONEV 1.1), as national regulations in the register
    const nationalBasis: [string, string, string[]][] = [
      ['Undang-Undang Nomor 19 Tahun 2016 tentang Perubahan atas Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik', 'Undang-Undang', ['data', 'applications', 'infrastructure']],
      ['Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik', 'Peraturan Pemerintah', ['data', 'applications', 'infrastructure']],
      ['Peraturan Menteri PANRB Nomor 18 Tahun 2019 tentang Jabatan Fungsional Sandiman', 'Peraturan Menteri', []],
      ['Peraturan Badan Siber dan Sandi Negara Nomor 10 Tahun 2019 tentang Pelaksanaan Persandian untuk Pengamanan Informasi di Pemerintah Daerah', 'Peraturan Badan', ['data', 'applications', 'infrastructure']],
      ['Peraturan Kepala Lembaga Sandi Negara Nomor 3 Tahun 2017 tentang Penyelenggaraan Pendidikan dan Pelatihan Sandiman', 'Peraturan Kepala Lembaga', []],
      ['Peraturan Menteri Komunikasi dan Informatika Nomor 4 Tahun 2016 tentang Sistem Manajemen Pengamanan Informasi', 'Peraturan Menteri', ['data', 'applications', 'infrastructure']],
      ['Peraturan Menteri Komunikasi dan Informatika Nomor 8 Tahun 2019 tentang Penyelenggaraan Urusan Pemerintahan Konkuren Bidang Komunikasi dan Informatika', 'Peraturan Menteri', []],
    ];
    for (const [title, legalForm, scopes] of nationalBasis) {
      await repo.insertPolicy(tx, { tenantId, kind: 'national_regulation', title, legalForm, scopes, status: 'in_force', scopeText: 'Dasar hukum penyelenggaraan persandian dan keamanan informasi.' });
    }

    await repo.insertBcdr(tx, {
      tenantId,
      serviceName: 'Layanan Naskah Dinas Elektronik (SRIKANDI)',
      opdId: ctx.opdIds.get('DISKOMINFO') ?? null,
      rtoMinutes: 240,
      rpoMinutes: 60,
      strategy: 'Replikasi basis data per jam ke server cadangan di pusat data sekunder; prosedur failover manual oleh tim infrastruktur; komunikasi gangguan melalui grup koordinasi OPD.',
      contacts: [
        { name: 'Agus Prasetyo', role: 'Koordinator pemulihan', phone: '0812-7000-1001' },
        { name: 'Dedi Kurniawan', role: 'Operator pusat data', phone: '0812-7000-1002' },
      ],
      lastTestDate: '2026-05-20',
      lastTestResult: 'passed',
      lastTestNotes: 'Failover selesai dalam 3 jam 10 menit; data hilang 40 menit.',
      nextTestDate: '2027-05-20',
    });
  });
}
