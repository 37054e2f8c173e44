import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { isMessageKey, msg, ZPassword } from '@persada/shared';
import { users } from '../db/schema/index.js';
import { createUserWithRoles } from '../modules/tenants/tenants.service.js';
import { recordAudit } from '../platform/audit/audit.js';
import { systemActor } from '../platform/context/actor.js';
import { temporaryPassword } from '../platform/crypto/tokens.js';
import { tenantBySlug, withDatabase } from './db.js';
import { CliError, fail, pgCode, println, str, type Command } from './output.js';

const emailTaken = () => new CliError({ id: 'Email sudah terdaftar.', en: 'This e-mail is already registered.' });

/** The Indonesian (and English) reasons a password fails the policy; empty when it passes. */
export function passwordProblems(password: string): string[] {
  const r = ZPassword.safeParse(password);
  if (r.success) return [];
  return r.error.issues.map((i) => (isMessageKey(i.message) ? `${msg(i.message).id} (${msg(i.message).en})` : i.message));
}

export const adminCreate: Command = {
  name: 'admin:create',
  summary: {
    id: 'Membuat pengguna dengan peran Administrator Sistem pada satu Pemda.',
    en: 'Create a user with the system administrator role in one Pemda.',
  },
  options: {
    tenant: { type: 'string', required: true, value: 'kode', desc: { id: 'Kode Pemda', en: 'Pemda code (slug)' } },
    email: { type: 'string', required: true, value: 'email', desc: { id: 'Email pengguna', en: 'user e-mail' } },
    name: { type: 'string', required: true, value: 'nama', desc: { id: 'Nama tampilan', en: 'display name' } },
    password: {
      type: 'string',
      value: 'kata-sandi',
      desc: {
        id: 'Kata sandi; bila tidak diisi, dibuat kata sandi sementara yang dicetak sekali dan wajib diganti',
        en: 'password; when omitted a temporary one is generated, printed once and must be changed',
      },
    },
  },
  notes: [
    {
      id: 'Kata sandi di baris perintah dapat tersimpan di riwayat shell; lebih aman tidak mengisinya.',
      en: 'A password on the command line may end up in the shell history; omitting it is safer.',
    },
  ],
  examples: ['admin:create --tenant kota-x --email admin@xkota.go.id --name "Admin Kota X"'],
  async run(values, { io, env }) {
    const slug = str(values, 'tenant')!.trim().toLowerCase();
    const email = str(values, 'email')!.trim().toLowerCase();
    const name = str(values, 'name')!.trim();
    const given = str(values, 'password');
    const details: string[] = [];
    if (!z.email().safeParse(email).success) details.push(`Email tidak valid: ${email} (invalid e-mail)`);
    if (name.length < 1 || name.length > 200) details.push('Nama harus 1–200 karakter. (The name must be 1–200 characters.)');
    if (details.length) fail('Data pengguna tidak valid.', 'Invalid user data.', details);
    if (given !== undefined) {
      const problems = passwordProblems(given);
      if (problems.length) fail('Kata sandi tidak memenuhi kebijakan.', 'The password does not meet the policy.', problems);
    }
    const password = given ?? temporaryPassword();

    const user = await withDatabase(env, async (database) => {
      const tenant = await tenantBySlug(database.raw, slug);
      const { rows } = await database.raw('select 1 from users where lower(email) = $1', [email]);
      if (rows.length) throw emailTaken();
      let created;
      try {
        created = await createUserWithRoles(database.db, tenant.id, { email, displayName: name, password, roles: [{ code: 'admin' }] });
      } catch (err) {
        if (pgCode(err) === '23505') throw emailTaken();
        throw err;
      }
      if (given === undefined) {
        // A password shown on a terminal is temporary: the user must replace it.
        await database.db.transaction(async (tx) => {
          await tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, created.id));
          await recordAudit(tx, systemActor(tenant.id, 'sistem (CLI)'), {
            action: 'update',
            entity: 'user',
            entityId: created.id,
            after: { mustChangePassword: true },
          });
        });
      }
      return { ...created, tenantName: tenant.name };
    });

    println(io.stdout, `Administrator dibuat (created) untuk ${user.tenantName}: ${user.email}`);
    println(io.stdout, `Id pengguna (user id): ${user.id}`);
    if (given === undefined) {
      println(io.stdout, `Kata sandi sementara (temporary password): ${password}`);
      println(io.stdout, 'Kata sandi ini hanya ditampilkan sekali; ganti setelah masuk. (Shown only once; change it after signing in.)');
    }
    return 0;
  },
};
