import { X509Certificate, createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { TTrustedRootInput } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { Actor } from '../../platform/context/actor.js';
import { requirePermission } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import * as repo from './signing.repo.js';

const pemOf = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').trim()}\n-----END CERTIFICATE-----\n`;

/** Reads a certificate given as PEM text or base64 DER; refuses anything that is not a CA certificate. */
export function parseCaCertificate(text: string): { cert: X509Certificate; der: Buffer } {
  let der: Buffer | null = null;
  const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  if (m) der = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
  else if (/^[A-Za-z0-9+/=\s]+$/.test(text)) der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  let cert: X509Certificate;
  try {
    if (!der || der.length < 64) throw new Error('empty');
    cert = new X509Certificate(der);
  } catch {
    throw new AppError(400, 'signing.trust_invalid', [{ field: 'certificate', key: 'signing.trust_invalid' }]);
  }
  if (!cert.ca) throw new AppError(400, 'signing.trust_not_ca', [{ field: 'certificate', key: 'signing.trust_not_ca' }]);
  return { cert, der: Buffer.from(cert.raw) };
}

/**
 * Trusted roots a Pemda adds for the verifier (K15), e.g. BSrE's root: upload, enable/disable,
 * remove; every change audited. Managed by the CA administrators (pki.manage).
 */
export class TrustedRootsService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  private dto(r: repo.TrustedRootRow, createdByName: string | null) {
    const now = Date.now();
    return {
      id: r.id,
      subject: r.subject,
      issuer: r.issuer,
      notBefore: r.notBefore.toISOString(),
      notAfter: r.notAfter.toISOString(),
      fingerprintSha256: r.fingerprintSha256,
      selfSigned: r.subject === r.issuer,
      expired: r.notAfter.getTime() < now,
      enabled: r.enabled,
      createdBy: r.createdBy,
      createdByName,
      createdAt: r.createdAt.toISOString(),
      certificatePem: r.certificatePem,
    };
  }

  async list(actor: Actor) {
    requirePermission(actor, 'pki.manage');
    return (await repo.listTrustedRoots(this.db, actor.tenantId)).map((x) => this.dto(x.r, x.createdByName));
  }

  async add(actor: Actor, input: TTrustedRootInput) {
    requirePermission(actor, 'pki.manage');
    if (!actor.userId) throw new AppError(403, 'error.forbidden');
    const { cert, der } = parseCaCertificate(input.certificate);
    const fp = createHash('sha256').update(der).digest('hex');
    if (await repo.trustedRootByFingerprint(this.db, actor.tenantId, fp)) throw new AppError(409, 'signing.trust_duplicate', [{ field: 'certificate', key: 'signing.trust_duplicate' }]);
    // the readable names the rest of the app shows (RFC 4514 order), not Node's multi-line form
    const named = new x509.X509Certificate(new Uint8Array(der));
    const row = await this.db.transaction(async (tx) => {
      const r = await repo.insertTrustedRoot(tx, {
        tenantId: actor.tenantId,
        subject: named.subject,
        issuer: named.issuer,
        notBefore: new Date(cert.validFrom),
        notAfter: new Date(cert.validTo),
        fingerprintSha256: fp,
        certificatePem: pemOf(der),
        createdBy: actor.userId!,
      });
      await recordAudit(tx, actor, { action: 'create', entity: 'signing_trusted_root', entityId: r.id, after: { subject: r.subject, fingerprintSha256: fp, notAfter: r.notAfter } });
      return r;
    });
    return this.dto(row, await repo.userName(this.db, actor.tenantId, row.createdBy));
  }

  async setEnabled(actor: Actor, id: string, enabled: boolean) {
    requirePermission(actor, 'pki.manage');
    const before = await repo.getTrustedRoot(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    const row = await this.db.transaction(async (tx) => {
      const r = await repo.updateTrustedRoot(tx, actor.tenantId, id, { enabled });
      await recordAudit(tx, actor, { action: enabled ? 'enable' : 'disable', entity: 'signing_trusted_root', entityId: id, before: { enabled: before.enabled }, after: { enabled, subject: r.subject } });
      return r;
    });
    return this.dto(row, await repo.userName(this.db, actor.tenantId, row.createdBy));
  }

  async remove(actor: Actor, id: string) {
    requirePermission(actor, 'pki.manage');
    const before = await repo.getTrustedRoot(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    await this.db.transaction(async (tx) => {
      await repo.deleteTrustedRoot(tx, actor.tenantId, id);
      await recordAudit(tx, actor, { action: 'delete', entity: 'signing_trusted_root', entityId: id, before: { subject: before.subject, fingerprintSha256: before.fingerprintSha256, enabled: before.enabled } });
    });
    return { ok: true };
  }

  /** The enabled roots of a tenant, for the verifier. */
  async enabledRoots(tenantId: string): Promise<x509.X509Certificate[]> {
    const pems = await repo.enabledTrustedRootPems(this.db, tenantId);
    return pems.flatMap((p) => {
      try {
        return [new x509.X509Certificate(p)];
      } catch {
        return [];
      }
    });
  }
}
