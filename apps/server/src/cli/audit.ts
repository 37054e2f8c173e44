import { chainStates, listTenants, tenantBySlug, withDatabase, type ChainState } from './db.js';
import { println, str, type Command, type Writer } from './output.js';

/** One line per tenant: `kota-x  OK  12 entri` or `kota-x  RUSAK pada entri id 57`. */
export function printChains(w: Writer, states: ChainState[]) {
  const width = Math.max(0, ...states.map((s) => s.slug.length));
  for (const s of states) {
    const status = s.ok ? `OK  ${s.entries} entri` : `RUSAK pada entri id ${s.firstBrokenId} (chain broken at entry id ${s.firstBrokenId})`;
    println(w, `${s.slug.padEnd(width)}  ${status}`);
  }
}

export const auditVerify: Command = {
  name: 'audit:verify',
  summary: {
    id: 'Memeriksa rantai hash jejak audit setiap Pemda (atau satu Pemda).',
    en: "Verify the hash chain of every Pemda's audit trail (or one).",
  },
  options: {
    tenant: { type: 'string', value: 'kode', desc: { id: 'Hanya Pemda ini', en: 'only this Pemda (slug)' } },
  },
  notes: [{ id: 'Kode keluar 1 bila ada rantai yang rusak.', en: 'Exit code 1 when any chain is broken.' }],
  examples: ['audit:verify', 'audit:verify --tenant kota-x'],
  async run(values, { io, env }) {
    const slug = str(values, 'tenant')?.trim().toLowerCase();
    const states = await withDatabase(env, async (database) => {
      const tenants = slug ? [await tenantBySlug(database.raw, slug)] : await listTenants(database.raw);
      return chainStates(database.raw, tenants);
    });
    if (!states.length) {
      println(io.stdout, 'Belum ada Pemda. (No tenants yet.)');
      return 0;
    }
    printChains(io.stdout, states);
    const broken = states.filter((s) => !s.ok).length;
    if (broken) {
      println(io.stderr, `Kesalahan: ${broken} rantai audit rusak. (${broken} audit chain(s) broken.)`);
      return 1;
    }
    println(io.stdout, `Semua rantai audit utuh. (All ${states.length} audit chain(s) verify.)`);
    return 0;
  },
};
