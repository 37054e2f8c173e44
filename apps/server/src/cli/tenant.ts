import { msg, tenantLevels, ZTenantProfileInput } from '@persada/shared';
import { createTenant } from '../modules/tenants/tenants.service.js';
import { listTenants, withDatabase } from './db.js';
import { CliError, fail, pgCode, println, str, table, type Command } from './output.js';

/** Lower-case letters, digits and single hyphens; 2–50 characters (used in URLs and logs). */
const SLUG = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,49}$/;

const FIELD_MESSAGES: Record<string, { id: string; en: string }> = {
  name: { id: 'Nama Pemda harus 3–200 karakter.', en: 'The name must be 3–200 characters.' },
  level: { id: `Tingkat harus salah satu dari: ${tenantLevels.join(', ')}.`, en: `The level must be one of: ${tenantLevels.join(', ')}.` },
  domain: { id: 'Domain tidak valid (contoh: xkota.go.id).', en: 'Invalid domain (example: xkota.go.id).' },
  provinceName: { id: 'Nama provinsi terlalu panjang (maks. 200 karakter).', en: 'The province name is too long (max. 200 characters).' },
};

const slugTaken = () => new CliError(msg('tenant.slug_taken'));

export const tenantCreate: Command = {
  name: 'tenant:create',
  summary: {
    id: 'Membuat Pemda (tenant) baru beserta peran bawaan nasional; mencetak id-nya.',
    en: 'Create a Pemda (tenant) with the national default roles; prints its id.',
  },
  options: {
    slug: { type: 'string', required: true, value: 'kode', desc: { id: 'Kode singkat Pemda: huruf kecil, angka, tanda hubung', en: 'short code: lower-case letters, digits, hyphens' } },
    name: { type: 'string', required: true, value: 'nama', desc: { id: 'Nama Pemda, mis. "Kota X"', en: 'name, e.g. "Kota X"' } },
    level: { type: 'string', required: true, value: tenantLevels.join('|'), desc: { id: 'Tingkat pemerintahan', en: 'level of government' } },
    domain: { type: 'string', required: true, value: 'domain', desc: { id: 'Domain resmi, mis. xkota.go.id', en: 'official domain' } },
    province: { type: 'string', value: 'nama', desc: { id: 'Nama provinsi', en: 'province name' } },
  },
  examples: ['tenant:create --slug kota-x --name "Kota X" --level kota --domain xkota.go.id --province "Jawa Barat"'],
  async run(values, { io, env }) {
    const slug = str(values, 'slug')!.trim().toLowerCase();
    const details: string[] = [];
    if (!SLUG.test(slug)) {
      details.push('Kode Pemda hanya boleh huruf kecil, angka dan tanda hubung, 2–50 karakter. (The code allows lower-case letters, digits and hyphens, 2–50 characters.)');
    }
    const parsed = ZTenantProfileInput.safeParse({
      name: str(values, 'name'),
      level: str(values, 'level'),
      domain: str(values, 'domain'),
      provinceName: str(values, 'province'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const m = FIELD_MESSAGES[field];
        details.push(m ? `${m.id} (${m.en})` : `${field}: ${issue.message}`);
      }
    }
    if (details.length || !parsed.success) fail('Data Pemda tidak valid.', 'Invalid Pemda data.', details);

    const tenant = await withDatabase(env, async (database) => {
      const { rows } = await database.raw('select 1 from tenants where slug = $1', [slug]);
      if (rows.length) throw slugTaken();
      try {
        return await createTenant(database.db, { ...parsed.data!, slug });
      } catch (err) {
        if (pgCode(err) === '23505') throw slugTaken(); // created concurrently
        throw err;
      }
    });
    println(io.stderr, `Pemda "${tenant.name}" dibuat (created) dengan kode ${tenant.slug}. Id:`);
    println(io.stdout, tenant.id);
    return 0;
  },
};

export const tenantList: Command = {
  name: 'tenant:list',
  summary: { id: 'Menampilkan semua Pemda.', en: 'List all Pemda (tenants).' },
  options: {},
  examples: ['tenant:list'],
  async run(_values, { io, env }) {
    const tenants = await withDatabase(env, (database) => listTenants(database.raw));
    if (!tenants.length) {
      println(io.stdout, 'Belum ada Pemda. (No tenants yet.)');
      return 0;
    }
    const rows = tenants.map((t) => [t.slug, t.name, t.level, t.id]);
    println(io.stdout, table(['kode (slug)', 'nama (name)', 'tingkat (level)', 'id'], rows));
    return 0;
  },
};
