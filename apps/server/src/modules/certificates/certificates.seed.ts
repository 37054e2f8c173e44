import { verificationChecklist } from '@persada/shared';
import type { Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../seed/context.js';
import { certApplicationEvents, certApplications, certComplaints, certNeeds, certProviderAgreements, certRaOperators } from '../../db/schema/index.js';
import { DEMO_DOMAIN } from '../../seed/demo.js';

const yearNow = () =>
  Number(
    new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
    }).format(new Date()),
  );

/**
 * Demo records of the RA for "Kota Contoh": the appointed RA operator (Rina Marlina, who obtains her
 * RA certificate from the CA on the verification page), the BSrE agreement, needs of several OPDs,
 * and applications in several states (one approved, waiting for its holder's issuance). No certificates are issued here: issuance needs the holder's
 * own browser key.
 */
export async function seedCertificatesDemo(db: Db, ctx: DemoSeedContext): Promise<void> {
  const { tenantId, opdIds, personIds, userIds } = ctx;
  const year = yearNow();
  const admin = userIds.get('admin') ?? null;
  const ra = userIds.get('pengelola_ra');
  await db.transaction(async (tx) => {
    if (ra) {
      await tx.insert(certRaOperators).values({
        tenantId,
        userId: ra,
        decreeNumber: '800/045/DISKOMINFO/2025',
        decreeDate: `${year - 1}-02-03`,
        createdBy: userIds.get('kepala_dinas') ?? admin,
      });
    }
    await tx.insert(certProviderAgreements).values({
      tenantId,
      provider: 'Balai Sertifikasi Elektronik (BSrE) – BSSN',
      agreementNumber: `B/215/BSrE/PKS.01.00/${year - 1}`,
      signedOn: `${year - 1}-03-14`,
      validUntil: `${year + 2}-03-13`,
      notes: 'Perjanjian kerja sama pemanfaatan Sertifikat Elektronik; Diskominfo sebagai Otoritas Pendaftaran.',
      createdBy: admin,
    });
    const need = (
      opd: string,
      kind: 'individual' | 'position' | 'system',
      holderName: string,
      quantity: number,
      uses: string[],
      justification: string,
      priority?: 'high' | 'medium' | 'low',
      notes?: string,
    ) => ({
      tenantId,
      opdId: opdIds.get(opd)!,
      year,
      kind,
      holderName,
      quantity,
      uses,
      justification,
      priority: priority ?? null,
      analysisNotes: notes ?? null,
      analyzedAt: priority ? new Date() : null,
      analyzedBy: priority ? (userIds.get('kabid_persandian') ?? null) : null,
      createdBy: userIds.get('operator_opd') ?? admin,
    });
    await tx
      .insert(certNeeds)
      .values([
        need(
          'DINKES',
          'individual',
          'Pejabat struktural dan fungsional Dinas Kesehatan',
          24,
          ['signing', 'email_protection'],
          'Naskah dinas elektronik (SRIKANDI) dan surat keterangan sehat.',
          'high',
          'Prioritas: penandatangan naskah dinas.',
        ),
        need(
          'DINKES',
          'system',
          'SIMPUS – Sistem Informasi Puskesmas (simpus.contohkota.go.id)',
          1,
          ['document_protection'],
          'TLS untuk layanan publik puskesmas.',
          'medium',
        ),
        need(
          'DISDUKCAPIL',
          'position',
          'Kepala Dinas Kependudukan dan Pencatatan Sipil',
          1,
          ['signing'],
          'Tanda tangan elektronik dokumen kependudukan (KK, akta).',
          'high',
          'Wajib untuk dokumen kependudukan TTE.',
        ),
        need('DISDUKCAPIL', 'individual', 'Petugas pelayanan', 12, ['signing', 'email_protection'], 'Layanan adminduk daring.'),
        need('BPKAD', 'individual', 'Bendahara dan PPK-SKPD', 18, ['signing', 'document_protection'], 'Penandatanganan SP2D elektronik.'),
        need('DISKOMINFO', 'system', 'Portal Pemda (www.contohkota.go.id)', 1, ['document_protection'], 'Sertifikat TLS portal resmi.', 'high'),
        need('SETDA', 'position', 'Sekretaris Daerah', 1, ['signing', 'email_protection'], 'Penandatanganan naskah dinas Sekda.', 'high'),
      ]);

    const person = (role: string) => personIds.get(role) ?? null;
    type NewApp = typeof certApplications.$inferInsert;
    const app = (
      n: number,
      v: Partial<NewApp> & {
        applicant: string;
        opd: string;
        commonName: string;
        email: string;
      },
    ): NewApp => ({
      tenantId,
      number: `SE/${year}/${String(n).padStart(4, '0')}`,
      kind: 'individual' as const,
      opdId: opdIds.get(v.opd)!,
      applicantUserId: userIds.get(v.applicant)!,
      applicantPersonId: person(v.applicant),
      filedByUserId: userIds.get(v.applicant)!,
      uses: ['signing', 'email_protection'],
      ...v,
    });
    const apps = await tx
      .insert(certApplications)
      .values([
        app(1, {
          applicant: 'kabid_persandian',
          opd: 'DISKOMINFO',
          commonName: 'Agus Prasetyo',
          email: `agus.prasetyo@${DEMO_DOMAIN}`,
          nip: '198012122006041006',
          positionTitle: null,
          status: 'draft',
        }),
        app(2, {
          applicant: 'operator_opd',
          opd: 'DINKES',
          kind: 'system',
          commonName: 'SIMPUS Dinas Kesehatan',
          email: `simpus@${DEMO_DOMAIN}`,
          systemName: 'SIMPUS – Sistem Informasi Puskesmas',
          dnsNames: [`simpus.${DEMO_DOMAIN}`],
          uses: ['document_protection'],
          status: 'rejected',
          submittedAt: new Date(Date.now() - 5 * 86_400_000),
          decidedAt: new Date(Date.now() - 4 * 86_400_000),
          decidedBy: ra ?? null,
          rejectionReason: 'Surat rekomendasi atasan dan surat pengantar Kepala Dinas Kesehatan belum dilampirkan.',
        }),
        app(3, {
          applicant: 'bagian_umum',
          opd: 'SETDA',
          commonName: 'Yusuf Maulana',
          email: `yusuf.maulana@${DEMO_DOMAIN}`,
          nip: '198706062011011009',
          status: 'cancelled',
        }),
        // A second official whose application the RA has already verified: he only has to accept
        // the agreement and make his key in his own browser (the co-signer of the demo journey).
        app(4, {
          applicant: 'kepala_dinas',
          opd: 'DISKOMINFO',
          commonName: 'Rahmat Hidayat',
          email: `rahmat.hidayat@${DEMO_DOMAIN}`,
          nip: '197505172000031004',
          status: 'approved',
          checklist: Object.fromEntries(verificationChecklist.individual.map((k) => [k, true])),
          submittedAt: new Date(Date.now() - 3 * 86_400_000),
          decidedAt: new Date(Date.now() - 2 * 86_400_000),
          decidedBy: ra ?? null,
          archivedAt: new Date(Date.now() - 2 * 86_400_000),
        }),
      ])
      .returning();
    const byNo = new Map(apps.map((a) => [a.number.slice(-1), a]));
    const ev = (a: (typeof apps)[number], action: string, actorLabel: string, note: string | null = null, actorUserId: string | null = null) => ({
      tenantId,
      applicationId: a.id,
      action,
      revision: 1,
      actorLabel,
      note,
      actorUserId,
    });
    await tx
      .insert(certApplicationEvents)
      .values([
        ev(byNo.get('1')!, 'created', 'Agus Prasetyo', null, userIds.get('kabid_persandian')),
        ev(byNo.get('2')!, 'created', 'Fajar Nugroho', null, userIds.get('operator_opd')),
        ev(byNo.get('2')!, 'submitted', 'Fajar Nugroho', null, userIds.get('operator_opd')),
        ev(byNo.get('2')!, 'rejected', 'Rina Marlina', byNo.get('2')!.rejectionReason, ra),
        ev(byNo.get('3')!, 'created', 'Yusuf Maulana', null, userIds.get('bagian_umum')),
        ev(byNo.get('3')!, 'cancelled', 'Yusuf Maulana', null, userIds.get('bagian_umum')),
        ev(byNo.get('4')!, 'created', 'Rahmat Hidayat', null, userIds.get('kepala_dinas')),
        ev(byNo.get('4')!, 'submitted', 'Rahmat Hidayat', null, userIds.get('kepala_dinas')),
        ev(byNo.get('4')!, 'approved', 'Rina Marlina', null, ra),
        ev(byNo.get('4')!, 'archived', 'Rina Marlina', null, ra),
      ]);
    if (userIds.get('operator_opd')) {
      await tx.insert(certComplaints).values({
        tenantId,
        number: `ADU/${year}/0001`,
        category: 'technical',
        subject: 'Passphrase sertifikat tidak diterima aplikasi SRIKANDI',
        description: 'Saat menandatangani naskah dinas, aplikasi menolak passphrase walaupun sudah benar. Mohon bantuan teknis.',
        raisedBy: userIds.get('operator_opd')!,
        status: 'in_progress',
        response: 'Sedang dikoordinasikan dengan BSrE (bantuan teknis Pasal 22 ayat 2).',
        handledBy: ra ?? null,
      });
    }
  });
}
