import type { TPkiCertQuery, TPkiRevokeInput, TPkiSettings, TPkiSettingsInput, TPkiStatus } from '@persada/shared';
import { recordAudit } from '../../platform/audit/audit.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Actor } from '../../platform/context/actor.js';
import { notFound } from '../../platform/http/errors.js';
import { sha256Hex } from './ca.js';
import { toPem } from './crypto.js';
import { certDto } from './pki.dto.js';
import { pkiPolicy as policy } from './pki.policy.js';
import type { PkiCore } from './pki.service.js';
import type { RevocationReason } from './pki.types.js';
import * as repo from './pki.repo.js';

/** What a pki.manage user does from the UI: CA status, issued certificates, revoke, CRL, issuer choice. */
export class PkiAdminService {
  private readonly box: SecretBox;
  constructor(private readonly core: PkiCore) {
    this.box = core.settingsBox;
  }
  private get db() {
    return this.core.deps.database.db;
  }

  async status(actor: Actor): Promise<TPkiStatus> {
    policy.manage(actor);
    const tenantId = actor.tenantId;
    const rows = await repo.activeCaKeys(this.db, tenantId);
    const settings = await repo.getSettings(this.db, tenantId);
    const initialised = rows.some((r) => r.kind === 'issuing');
    const urls = initialised ? (await this.core.state(tenantId), this.core.urls(tenantId)) : this.core.urls(tenantId);
    const issuing = rows.find((r) => r.kind === 'issuing');
    const crl = issuing ? await repo.latestCrlMeta(this.db, tenantId, issuing.id) : null;
    const counts = await repo.certCounts(this.db, tenantId);
    const order = ['root', 'issuing', 'ocsp', 'tsa'];
    return {
      initialised,
      issuer: settings?.issuer ?? 'embedded',
      cas: rows
        .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
        .map((r) => ({
          kind: r.kind,
          subjectDn: r.subjectDn,
          serialHex: r.serialHex,
          keyAlgorithm: r.keyAlgorithm,
          keyStore: r.keyStore,
          notBefore: r.notBefore.toISOString(),
          notAfter: r.notAfter.toISOString(),
          sha256: sha256Hex(r.certDer),
        })),
      urls: { ...urls, rootPem: urls.caCert.replace(/\.crt$/, '.pem'), issuingPem: urls.issuingCert.replace(/\.crt$/, '.pem'), crlPem: `${urls.crl}.pem` },
      counts: { good: counts.good ?? 0, revoked: counts.revoked ?? 0 },
      crl: crl ? { crlNumber: crl.crlNumber, thisUpdate: crl.thisUpdate.toISOString(), nextUpdate: crl.nextUpdate.toISOString(), entries: crl.entries } : null,
    };
  }

  /** Creates the CA when missing (idempotent), then reports its status. */
  async initialise(actor: Actor): Promise<TPkiStatus> {
    policy.manage(actor);
    if (!(await this.core.exists(actor.tenantId))) await this.core.initialise(actor.tenantId, actor).catch(async (e) => {
      if (!(await this.core.exists(actor.tenantId))) throw e;
    });
    return this.status(actor);
  }

  async list(actor: Actor, q: TPkiCertQuery) {
    policy.manage(actor);
    const { items, total } = await repo.listCertificates(this.db, actor.tenantId, q);
    const now = Date.now();
    return { items: items.map((r) => certDto(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string) {
    policy.manage(actor);
    const r = await repo.certById(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    return certDto(r);
  }

  async download(actor: Actor, id: string) {
    policy.manage(actor);
    const r = await repo.certById(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    return { pem: toPem(r.certDer, 'CERTIFICATE'), filename: `${r.commonName.replace(/[^\w.-]+/g, '_').slice(0, 60)}-${r.serialHex.slice(0, 8)}.pem` };
  }

  async revoke(actor: Actor, id: string, input: TPkiRevokeInput) {
    policy.manage(actor);
    const r = await repo.certById(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    await this.core.revoke(actor.tenantId, r.serialHex, input.reason as RevocationReason, {
      invalidityDate: input.invalidityDate ? new Date(input.invalidityDate) : undefined,
      actor,
    });
    return certDto((await repo.certById(this.db, actor.tenantId, id))!);
  }

  async regenerateCrl(actor: Actor) {
    policy.manage(actor);
    const c = await this.core.regenerateCrl(actor.tenantId, actor);
    return { crlNumber: c.crlNumber, thisUpdate: c.thisUpdate.toISOString(), nextUpdate: c.nextUpdate.toISOString(), entries: c.entries };
  }

  async getSettings(actor: Actor): Promise<TPkiSettings> {
    policy.manage(actor);
    const s = await repo.getSettings(this.db, actor.tenantId);
    return { issuer: s?.issuer ?? 'embedded', externalUrl: s?.externalUrl ?? null, externalOptions: s?.externalOptions ?? {}, hasSecret: !!s?.externalSecret };
  }

  async updateSettings(actor: Actor, input: TPkiSettingsInput): Promise<TPkiSettings> {
    policy.manage(actor);
    await this.db.transaction(async (tx) => {
      const before = await repo.getSettings(tx, actor.tenantId);
      const after = await repo.upsertSettings(tx, actor.tenantId, {
        issuer: input.issuer,
        externalUrl: input.externalUrl ?? null,
        externalOptions: input.externalOptions ?? before?.externalOptions ?? {},
        externalSecret: input.externalSecret !== undefined ? (input.externalSecret ? this.box.seal(input.externalSecret) : null) : (before?.externalSecret ?? null),
      });
      const safe = (x: typeof after | null) => (x ? { issuer: x.issuer, externalUrl: x.externalUrl, externalOptions: x.externalOptions, hasSecret: !!x.externalSecret } : null);
      await recordAudit(tx, actor, { action: 'update', entity: 'pki_settings', entityId: actor.tenantId, before: safe(before), after: safe(after) });
    });
    return this.getSettings(actor);
  }

}
