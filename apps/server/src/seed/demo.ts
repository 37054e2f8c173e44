import { defaultRoles, parseNip } from '@persada/shared';
import type { Db } from '../db/client.js';
import { opds, people, positionHolders, positions, units } from '../db/schema/index.js';
import { recordAudit } from '../platform/audit/audit.js';
import { systemActor } from '../platform/context/actor.js';
import { createTenant, createUserWithRoles } from '../modules/tenants/tenants.service.js';
import { demoSeeders } from './modules.js';
import type { DemoSeedContext } from './context.js';

/** The demo Pemda's OPDs: [code, name, short name, kind, head position]. */
const OPDS: [string, string, string, string, string][] = [
  ['1.01', 'Sekretariat Daerah', 'SETDA', 'sekretariat', 'Sekretaris Daerah'],
  ['2.16', 'Dinas Komunikasi dan Informatika', 'DISKOMINFO', 'dinas', 'Kepala Dinas Komunikasi dan Informatika'],
  ['6.01', 'Inspektorat', 'INSPEKTORAT', 'inspektorat', 'Inspektur'],
  ['5.01', 'Badan Perencanaan Pembangunan Daerah', 'BAPPEDA', 'badan', 'Kepala BAPPEDA'],
  ['5.03', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'BKPSDM', 'badan', 'Kepala BKPSDM'],
  ['5.02', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'BPKAD', 'badan', 'Kepala BPKAD'],
  ['1.02', 'Dinas Kesehatan', 'DINKES', 'dinas', 'Kepala Dinas Kesehatan'],
  ['1.01.1', 'Dinas Pendidikan', 'DISDIK', 'dinas', 'Kepala Dinas Pendidikan'],
  ['2.12', 'Dinas Kependudukan dan Pencatatan Sipil', 'DISDUKCAPIL', 'dinas', 'Kepala Dinas Kependudukan dan Pencatatan Sipil'],
  ['2.18', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP', 'dinas', 'Kepala DPMPTSP'],
  ['7.01', 'Kecamatan Kota Barat', 'KEC-KOBAR', 'kecamatan', 'Camat Kota Barat'],
];

/** Demo people, one per role: [name, role code, OPD short name, NIP]. NIPs are valid by structure. */
const PEOPLE: [string, string, string, string][] = [
  ['Admin Persada', 'admin', 'DISKOMINFO', '198503152010011001'],
  ['H. Budi Santoso', 'kepala_daerah', 'SETDA', '196804121990031002'],
  ['Sri Wahyuni', 'wakil_kepala_daerah', 'SETDA', '197002201992032001'],
  ['Drs. Ahmad Fauzi', 'sekda', 'SETDA', '196901011991031003'],
  ['Ir. Rahmat Hidayat', 'kepala_dinas', 'DISKOMINFO', '197505172000031004'],
  ['dr. Lestari Dewi', 'anggota_tim', 'DINKES', '197808082005022005'],
  ['Agus Prasetyo', 'kabid_persandian', 'DISKOMINFO', '198012122006041006'],
  ['Dedi Kurniawan', 'sandiman', 'DISKOMINFO', '199003032015031007'],
  ['Rina Marlina', 'pengelola_ra', 'DISKOMINFO', '199107072017082008'],
  ['Yusuf Maulana', 'bagian_umum', 'SETDA', '198706062011011009'],
  ['Siti Aminah', 'auditor', 'INSPEKTORAT', '198409092009022010'],
  ['Fajar Nugroho', 'operator_opd', 'DINKES', '199205052019031011'],
  ['Nurul Hidayah', 'asn', 'DISDUKCAPIL', '199511112020122012'],
  ['Andi Wijaya', 'pihak_eksternal', 'DISKOMINFO', ''],
  ['Hendra Saputra', 'reviewer', 'SETDA', '197912122003121013'],
];

export const DEMO_DOMAIN = 'contohkota.go.id';
const login = (name: string) =>
  name
    .toLowerCase()
    .replace(/^(h|drs|ir|dr)\.\s+/, '')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');

/** Seeds "Kota Contoh" with its OPDs, units, heads and one login per role. Returns the admin e-mail. */
export async function seedDemo(
  db: Db,
  demoPassword: string,
): Promise<{ tenantId: string; adminEmail: string; users: { email: string; role: string }[]; context: DemoSeedContext }> {
  const tenant = await createTenant(db, {
    slug: 'kota-contoh',
    name: 'Kota Contoh',
    level: 'kota',
    provinceName: 'Provinsi Contoh',
    headTitle: 'Wali Kota',
    headName: 'H. Budi Santoso',
    deputyName: 'Sri Wahyuni',
    sekdaName: 'Drs. Ahmad Fauzi',
    dinasName: 'Dinas Komunikasi dan Informatika',
    domain: DEMO_DOMAIN,
    address: 'Jl. Merdeka No. 1, Kota Contoh 12345',
    phone: '(0711) 123456',
    email: `diskominfo@${DEMO_DOMAIN}`,
  });
  const actor = systemActor(tenant.id, 'sistem (data contoh)');
  const opdIds = new Map<string, string>();
  const headPositions = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const [code, name, shortName, kind, head] of OPDS) {
      const [opd] = await tx
        .insert(opds)
        .values({ tenantId: tenant.id, code, name, shortName, kind, isPersandianDinas: shortName === 'DISKOMINFO', email: `${shortName.toLowerCase()}@${DEMO_DOMAIN}` })
        .returning();
      opdIds.set(shortName, opd.id);
      const [pos] = await tx.insert(positions).values({ tenantId: tenant.id, opdId: opd.id, name: head, kind: 'struktural', isHead: true }).returning();
      headPositions.set(shortName, pos.id);
      await recordAudit(tx, actor, { action: 'create', entity: 'opd', entityId: opd.id, after: opd });
    }
    const kominfo = opdIds.get('DISKOMINFO')!;
    const [bidang] = await tx
      .insert(units)
      .values({ tenantId: tenant.id, opdId: kominfo, name: 'Bidang Persandian dan Keamanan Informasi', kind: 'bidang' })
      .returning();
    await tx.insert(units).values([
      { tenantId: tenant.id, opdId: kominfo, name: 'Sekretariat', kind: 'sekretariat' },
      { tenantId: tenant.id, opdId: kominfo, name: 'Bidang Aplikasi Informatika', kind: 'bidang' },
      { tenantId: tenant.id, opdId: kominfo, name: 'Bidang Infrastruktur TIK', kind: 'bidang' },
      { tenantId: tenant.id, opdId: kominfo, parentId: bidang.id, name: 'Seksi Persandian', kind: 'seksi' },
      { tenantId: tenant.id, opdId: kominfo, parentId: bidang.id, name: 'Seksi Keamanan Informasi', kind: 'seksi' },
    ]);
    const [kabid] = await tx
      .insert(positions)
      .values({ tenantId: tenant.id, opdId: kominfo, unitId: bidang.id, name: 'Kepala Bidang Persandian dan Keamanan Informasi', kind: 'struktural' })
      .returning();
    headPositions.set('kabid_persandian', kabid.id);
  });

  const users: { email: string; role: string }[] = [];
  const personIds = new Map<string, string>();
  const userIds = new Map<string, string>();
  for (const [name, role, opdShort, nip] of PEOPLE) {
    const opdId = opdIds.get(opdShort)!;
    const email = `${login(name)}@${DEMO_DOMAIN}`;
    const parsed = nip ? parseNip(nip) : null;
    const [person] = await db
      .insert(people)
      .values({
        tenantId: tenant.id,
        opdId,
        fullName: name.replace(/^(H|Drs|Ir|dr)\.\s+/, ''),
        frontTitle: name.match(/^(H|Drs|Ir|dr)\./)?.[0] ?? null,
        kind: nip ? 'asn' : 'non_asn',
        nip: nip || null,
        nik: nip ? null : '3571010101900001',
        email,
        birthDate: parsed?.ok ? parsed.parts.birthDate : '1990-01-01',
        sex: parsed?.ok ? parsed.parts.sex : 'L',
      })
      .returning();
    const headOf = role === 'sekda' ? 'SETDA' : role === 'kepala_dinas' ? 'DISKOMINFO' : role === 'auditor' ? null : role === 'anggota_tim' ? 'DINKES' : null;
    const positionId = headOf ? headPositions.get(headOf) : role === 'kabid_persandian' ? headPositions.get('kabid_persandian') : undefined;
    if (positionId) {
      await db.insert(positionHolders).values({ tenantId: tenant.id, positionId, personId: person.id, startDate: '2024-01-02', decreeNumber: '800/001/BKPSDM/2024' });
    }
    const scope = defaultRoles.find((r) => r.code === role)?.scope === 'opd' ? opdId : null;
    personIds.set(role, person.id);
    const created = await createUserWithRoles(db, tenant.id, {
      email,
      displayName: name,
      password: demoPassword,
      personId: person.id,
      roles: [{ code: role, opdId: scope }],
    });
    userIds.set(role, created.id);
    users.push({ email, role });
  }
  const context: DemoSeedContext = { tenantId: tenant.id, opdIds, personIds, userIds };
  for (const seed of demoSeeders) await seed(db, context);
  return { tenantId: tenant.id, adminEmail: users[0].email, users, context };
}
