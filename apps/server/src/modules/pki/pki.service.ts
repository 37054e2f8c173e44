import type { AppDeps } from '../../app/deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { createSecretBox } from '../../platform/crypto/secret-box.js';
import { systemActor, type Actor } from '../../platform/context/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { ab, x509, fromPem, toPem } from './crypto.js';
import { sql } from 'drizzle-orm';
import { assemble, createHierarchy, createServiceCert, loadCa, sha256Hex, type CaKind, type CaState, type LoadedCa, type NewCaCert } from './ca.js';
import { caKeyStoreFromEnv, type CaKeyStore } from './keystore.js';
import { CERT_PROFILES, DEFAULT_VALIDITY, describeKey, normaliseSans, subjectName, type CertProfile, type Sans } from './profiles.js';
import { REVOCATION_REASONS, buildCrl, type RevocationReason } from './crl.js';
import { buildOcspResponse, ocspError, parseOcspRequest, type CertStatus } from './ocsp.js';
import { TsaRequestError, grantTimestamp, parseTsq, tsaRejection } from './tsa.js';
import * as repo from './pki.repo.js';
import { issuerAdapter, type IssuerAdapter } from './issuers.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { IssueRequest, IssuedCertificate, PkiService, PkiUrls } from './pki.types.js';
import { signLeaf } from './pki.sign-leaf.js';
import { dnText } from './certinfo.js';

const CA_LABEL = 'Otoritas Sertifikat';
const CRL_VALIDITY_MS = 7 * 86_400_000;
/** A CRL is re-signed when older than this even without changes (the nightly job also does it). */
const CRL_REFRESH_MS = 86_400_000;
const OCSP_SIGNER_RENEW_MS = 30 * 86_400_000;
const STATUS_TTL_MS = 5_000;
const STATUS_CACHE_MAX = 200_000;

const normSerial = (s: string) => s.trim().toLowerCase().replace(/[^0-9a-f]/g, '').replace(/^(00)+(?=[0-9a-f]{2})/, '');

export class PkiCore implements PkiService {
  readonly store: CaKeyStore;
  private readonly states = new Map<string, Promise<CaState>>();
  private readonly slugs = new Map<string, string>();
  /**
   * OCSP status answers per tenant+serial for a few seconds: the responder's hot path then needs
   * no database round trip. Revocations in this process clear it at once; another process's
   * revocation shows within STATUS_TTL_MS (OCSP answers are not required to be instantaneous).
   */
  private readonly statusCache = new Map<string, { at: number; row: Awaited<ReturnType<typeof repo.statusBySerial>> }>();
  private readonly crlCache = new Map<string, { issuerId: string; crlNumber: number; der: Uint8Array; thisUpdate: Date; checkedAt: number }>();

  /** Seals external-issuer credentials (separate purpose key from the CA keys). */
  readonly settingsBox: SecretBox;

  constructor(readonly deps: AppDeps, store?: CaKeyStore) {
    this.store = store ?? caKeyStoreFromEnv(deps.env, deps.appKey);
    this.settingsBox = createSecretBox(deps.appKey, 'pki-external-issuer');
  }

  async issuer(tenantId: string): Promise<IssuerAdapter> {
    const s = await repo.getSettings(this.db, tenantId);
    return issuerAdapter(this, tenantId, s, (sealed) => this.settingsBox.open(sealed));
  }
  private get db() {
    return this.deps.database.db;
  }

  // ---- URLs ------------------------------------------------------------------------------
  baseUrl() {
    const env = this.deps.env;
    return (env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, '');
  }
  /** Public addresses; by slug once the tenant is known in this process (the routes accept the id too). */
  urls(tenantId: string): PkiUrls {
    const b = `${this.baseUrl()}/pki/${this.slugs.get(tenantId) ?? tenantId}`;
    return { caCert: `${b}/root.crt`, issuingCert: `${b}/issuing.crt`, crl: `${b}/crl`, ocsp: `${b}/ocsp`, tsa: `${b}/tsa` };
  }

  // ---- CA lifecycle ------------------------------------------------------------------------
  /** The tenant's CA, loaded once per process; created on first use. */
  state(tenantId: string): Promise<CaState> {
    let p = this.states.get(tenantId);
    if (!p) {
      p = this.loadOrCreate(tenantId);
      this.states.set(tenantId, p);
      p.catch(() => this.states.delete(tenantId));
    }
    return p;
  }

  /** True when the tenant already has a CA (no creation). */
  async exists(tenantId: string): Promise<boolean> {
    return (await repo.activeCaKeys(this.db, tenantId)).some((r) => r.kind === 'issuing');
  }

  forget(tenantId: string) {
    this.states.delete(tenantId);
    this.crlCache.delete(tenantId);
  }

  private async loadOrCreate(tenantId: string, actor?: Actor): Promise<CaState> {
    const tenant = await repo.getTenant(this.db, tenantId);
    if (!tenant) throw new AppError(404, 'pki.tenant_unknown');
    this.slugs.set(tenantId, tenant.slug);
    let rows = await repo.activeCaKeys(this.db, tenantId);
    if (!(['root', 'issuing', 'ocsp', 'tsa'] as const).every((k) => rows.some((r) => r.kind === k))) {
      rows = await this.db.transaction(async (tx) => {
        await repo.lockTenantCa(tx, tenantId);
        const current = await repo.activeCaKeys(tx, tenantId);
        const have = new Map(current.map((r) => [r.kind, r]));
        const names = { pemdaName: tenant.name, slug: tenant.slug };
        const urls = this.urls(tenantId);
        const created: NewCaCert[] = [];
        let issuing = have.get('issuing') ? await loadCa(have.get('issuing')!, this.store, true) : null;
        if (!have.get('root') || !issuing) {
          const h = await createHierarchy(this.store, names, { rootCert: urls.caCert });
          created.push(h.root, h.issuing);
          issuing = { cert: new x509.X509Certificate(ab(h.issuing.der)), key: h.issuing.key, skiHex: '' } as LoadedCa;
          issuing.skiHex = issuing.cert.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId;
          for (const r of current) if (r.kind === 'root' || r.kind === 'issuing') await repo.retireCaKey(tx, tenantId, r.id);
          have.delete('ocsp');
          have.delete('tsa');
          for (const r of current) if (r.kind === 'ocsp' || r.kind === 'tsa') await repo.retireCaKey(tx, tenantId, r.id);
        }
        const iss = { cert: issuing.cert, key: issuing.key!, skiHex: issuing.skiHex };
        for (const kind of ['ocsp', 'tsa'] as const) if (!have.get(kind)) created.push(await createServiceCert(this.store, kind, iss, names, urls));
        const inserted: repo.CaKeyRow[] = [];
        for (const c of created) {
          const row = await repo.insertCaKey(tx, {
            tenantId,
            kind: c.kind,
            subjectDn: c.subjectDn,
            serialHex: c.serialHex,
            certDer: c.der,
            keyAlgorithm: c.keyAlgorithm,
            keyStore: this.store.name,
            keyRef: c.keyRef,
            notBefore: c.notBefore,
            notAfter: c.notAfter,
          });
          inserted.push(row);
          await recordAudit(tx, actor ?? systemActor(tenantId, CA_LABEL), {
            action: 'create',
            entity: 'pki_ca',
            entityId: row.id,
            after: { kind: c.kind, subjectDn: c.subjectDn, serialHex: c.serialHex, notBefore: c.notBefore, notAfter: c.notAfter, keyAlgorithm: c.keyAlgorithm, keyStore: this.store.name },
          });
        }
        // The delegated service certificates are issued certificates too (status, CRL, list).
        const issuingRow = [...current, ...inserted].find((r) => r.kind === 'issuing' && (inserted.includes(r) || have.get('issuing') === r))!;
        for (const c of created.filter((x) => x.kind === 'ocsp' || x.kind === 'tsa')) {
          await repo.insertCertificate(tx, {
            tenantId,
            issuerId: issuingRow.id,
            serialHex: c.serialHex,
            profile: c.kind === 'ocsp' ? 'ocsp_signer' : 'tsa',
            subjectDn: c.subjectDn,
            commonName: c.subjectDn.replace(/^.*CN=/, ''),
            keyAlgorithm: 'EC P-256',
            notBefore: c.notBefore,
            notAfter: c.notAfter,
            sha256: sha256Hex(c.der),
            certDer: c.der,
            holderEntity: 'pki_ca',
          });
        }
        return repo.activeCaKeys(tx, tenantId);
      });
    }
    const byKind = new Map(rows.map((r) => [r.kind as CaKind, r]));
    const loaded = {
      root: await loadCa(byKind.get('root')!, this.store, false),
      issuing: await loadCa(byKind.get('issuing')!, this.store, true),
      ocsp: await loadCa(byKind.get('ocsp')!, this.store, true),
      tsa: await loadCa(byKind.get('tsa')!, this.store, true),
    };
    return assemble(tenantId, tenant.slug, loaded);
  }

  /** Creates the CA explicitly (pki.manage from the UI); 409 when it already exists. */
  async initialise(tenantId: string, actor: Actor): Promise<CaState> {
    if (await this.exists(tenantId)) throw new AppError(409, 'pki.ca_exists');
    this.states.delete(tenantId);
    const p = this.loadOrCreate(tenantId, actor);
    this.states.set(tenantId, p);
    p.catch(() => this.states.delete(tenantId));
    return p;
  }

  /** Re-issues the OCSP signer when it expires within 30 days (nightly job). */
  async renewOcspSignerIfDue(tenantId: string): Promise<boolean> {
    const s = await this.state(tenantId);
    if (s.ocsp.cert.notAfter.getTime() - Date.now() > OCSP_SIGNER_RENEW_MS) return false;
    await this.db.transaction(async (tx) => {
      await repo.lockTenantCa(tx, tenantId);
      await repo.retireCaKey(tx, tenantId, s.ocsp.row.id);
    });
    this.forget(tenantId);
    await this.state(tenantId);
    return true;
  }

  // ---- Issuance -----------------------------------------------------------------------------
  async parseCsr(csr: string | Uint8Array) {
    let req: x509.Pkcs10CertificateRequest;
    try {
      const der = typeof csr === 'string' ? (fromPem(csr) ?? Buffer.from(csr.trim(), 'base64')) : csr;
      req = new x509.Pkcs10CertificateRequest(ab(der));
    } catch {
      throw new AppError(400, 'pki.csr_invalid', [{ field: 'csr', key: 'pki.csr_invalid' }]);
    }
    let ok = false;
    try {
      ok = await req.verify();
    } catch {
      ok = false;
    }
    if (!ok) throw new AppError(400, 'pki.csr_signature', [{ field: 'csr', key: 'pki.csr_signature' }]);
    const spkiDer = new Uint8Array(req.publicKey.rawData);
    const key = describeKey(spkiDer);
    return { spkiDer, subject: req.subject, keyAlgorithm: key.label };
  }

  async issue(tenantId: string, req: IssueRequest, opts: { actor?: Actor } = {}): Promise<IssuedCertificate> {
    if (!CERT_PROFILES.includes(req.profile)) throw new AppError(400, 'pki.profile_unknown', [{ field: 'profile', key: 'pki.profile_unknown' }]);
    if (!req.subject?.commonName?.trim()) throw new AppError(400, 'pki.common_name_required', [{ field: 'subject.commonName', key: 'pki.common_name_required' }]);
    const sans = normaliseSans(req.profile, req.subject, req.sans);
    return this.issueWith(tenantId, {
      profile: req.profile,
      name: subjectName(req.subject),
      commonName: req.subject.commonName,
      email: req.subject.email ?? sans.email?.[0] ?? null,
      sans,
      spkiDer: req.spkiDer,
      validityDays: req.validityDays,
      holderRef: req.holderRef,
      actor: opts.actor,
    });
  }

  /**
   * Renewal (K8): a new certificate with the same subject, SANs, profile and holder, for a new key
   * (recommended) or the same one; optionally the old certificate is revoked as superseded.
   */
  async renew(
    tenantId: string,
    serialHex: string,
    opts: { spkiDer?: Uint8Array; validityDays?: number; revokeOld?: boolean; actor?: Actor } = {},
  ): Promise<IssuedCertificate> {
    const old = await repo.certBySerial(this.db, tenantId, normSerial(serialHex));
    if (!old) throw new AppError(404, 'pki.serial_unknown');
    if (old.status === 'revoked') throw new AppError(409, 'pki.renew_revoked');
    if (!CERT_PROFILES.includes(old.profile as CertProfile)) throw new AppError(400, 'pki.profile_unknown');
    const oldCert = new x509.X509Certificate(ab(old.certDer));
    const issued = await this.issueWith(tenantId, {
      profile: old.profile as CertProfile,
      name: oldCert.subjectName,
      commonName: old.commonName,
      email: old.email,
      sans: old.sans ?? {},
      spkiDer: opts.spkiDer ?? new Uint8Array(oldCert.publicKey.rawData),
      validityDays: opts.validityDays,
      holderRef: old.holderEntity && old.holderId ? { entity: old.holderEntity, id: old.holderId } : undefined,
      actor: opts.actor,
      renewedFrom: old.serialHex,
    });
    if (opts.revokeOld) await this.revoke(tenantId, old.serialHex, 'superseded', { actor: opts.actor });
    return issued;
  }

  private async issueWith(
    tenantId: string,
    p: {
      profile: CertProfile;
      name: x509.Name;
      commonName: string;
      email: string | null;
      sans: Sans;
      spkiDer: Uint8Array;
      validityDays?: number;
      holderRef?: { entity: string; id: string };
      actor?: Actor;
      renewedFrom?: string;
    },
  ): Promise<IssuedCertificate> {
    const days = p.validityDays ?? DEFAULT_VALIDITY[p.profile];
    if (!Number.isInteger(days) || days < 1 || days > 1825) throw new AppError(400, 'pki.validity_invalid', [{ field: 'validityDays', key: 'pki.validity_invalid' }]);
    const key = describeKey(p.spkiDer);
    const s = await this.state(tenantId);
    const urls = this.urls(tenantId);
    const now = new Date();
    const notAfter = new Date(Math.min(now.getTime() + days * 86_400_000, s.issuing.cert.notAfter.getTime()));
    const { serialHex, cert } = await signLeaf(this.db, tenantId, s, urls, p, key, now, notAfter);
    const der = new Uint8Array(cert.rawData);
    const sha256 = sha256Hex(der);
    const row = await this.db.transaction(async (tx) => {
      const r = await repo.insertCertificate(tx, {
        tenantId,
        issuerId: s.issuing.row.id,
        serialHex,
        profile: p.profile,
        subjectDn: dnText(cert.subject),
        commonName: p.commonName,
        email: p.email,
        sans: p.sans,
        keyAlgorithm: key.label,
        notBefore: cert.notBefore,
        notAfter: cert.notAfter,
        sha256,
        certDer: der,
        holderEntity: p.holderRef?.entity ?? null,
        holderId: p.holderRef?.id ?? null,
      });
      await recordAudit(tx, p.actor ?? systemActor(tenantId, CA_LABEL), {
        action: p.renewedFrom ? 'renew' : 'issue',
        entity: 'pki_certificate',
        entityId: r.id,
        after: { serialHex, profile: p.profile, subjectDn: dnText(cert.subject), notBefore: cert.notBefore, notAfter: cert.notAfter, sha256, holder: p.holderRef ?? null, renewedFrom: p.renewedFrom ?? null },
      });
      return r;
    });
    this.statusCache.delete(`${tenantId}:${serialHex}`);
    return {
      id: row.id,
      serialHex,
      certDer: der,
      certPem: toPem(der, 'CERTIFICATE'),
      chainPem: [s.issuing.pem, s.root.pem],
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      sha256,
      profile: p.profile,
      subjectDn: dnText(cert.subject),
    };
  }

  // ---- Revocation ---------------------------------------------------------------------------
  async revoke(tenantId: string, serialHex: string, reason: RevocationReason, opts: { invalidityDate?: Date; actor?: Actor } = {}) {
    if (!REVOCATION_REASONS.includes(reason)) throw new AppError(400, 'pki.reason_invalid', [{ field: 'reason', key: 'pki.reason_invalid' }]);
    const serial = normSerial(serialHex);
    await this.db.transaction(async (tx) => {
      const cur = await repo.certBySerial(tx, tenantId, serial);
      if (!cur) throw new AppError(404, 'pki.serial_unknown');
      // A certificate on hold may be revoked for good; anything else is final.
      if (cur.status === 'revoked' && cur.revocationReason !== 'certificateHold') throw new AppError(409, 'pki.already_revoked');
      const after = await repo.markRevoked(tx, tenantId, cur.id, {
        revokedAt: cur.status === 'revoked' && cur.revokedAt ? cur.revokedAt : new Date(Math.floor(Date.now() / 1000) * 1000),
        reason,
        invalidityDate: opts.invalidityDate ?? null,
      });
      await recordAudit(tx, opts.actor ?? systemActor(tenantId, CA_LABEL), {
        action: 'revoke',
        entity: 'pki_certificate',
        entityId: cur.id,
        before: { serialHex: cur.serialHex, status: cur.status, revocationReason: cur.revocationReason },
        after: { serialHex: after.serialHex, status: after.status, revokedAt: after.revokedAt, revocationReason: after.revocationReason, invalidityDate: after.invalidityDate },
      });
    });
    this.crlCache.delete(tenantId);
    this.statusCache.delete(`${tenantId}:${serial}`);
  }

  async status(tenantId: string, serialHex: string): Promise<{ status: 'good' | 'revoked' | 'unknown'; revokedAt?: Date; reason?: RevocationReason }> {
    const r = await repo.statusBySerial(this.db, tenantId, normSerial(serialHex));
    if (!r) return { status: 'unknown' };
    if (r.status === 'revoked') return { status: 'revoked', revokedAt: r.revokedAt ?? undefined, reason: (r.reason ?? 'unspecified') as RevocationReason };
    return { status: 'good' };
  }

  async chain(tenantId: string) {
    const s = await this.state(tenantId);
    return { rootPem: s.root.pem, issuingPem: s.issuing.pem };
  }

  /** DER of the root / issuing CA certificates. */
  async caCertDer(tenantId: string, which: 'root' | 'issuing'): Promise<Uint8Array> {
    const s = await this.state(tenantId);
    return s[which].parts.der;
  }

  // ---- CRL ----------------------------------------------------------------------------------
  /** The current CRL: reused while nothing was revoked since and it is younger than a day. */
  async crl(tenantId: string): Promise<Uint8Array> {
    const s = await this.state(tenantId);
    const c = this.crlCache.get(tenantId);
    if (c && c.issuerId === s.issuing.row.id && Date.now() - c.checkedAt < 5_000) return c.der;
    const [meta, changed] = await Promise.all([repo.latestCrlMeta(this.db, tenantId, s.issuing.row.id), repo.lastRevocationChange(this.db, tenantId, s.issuing.row.id)]);
    const fresh =
      meta && changed.n === meta.entries && (changed.at?.getTime() ?? 0) === (meta.coveredUntil?.getTime() ?? 0) && Date.now() - meta.thisUpdate.getTime() < CRL_REFRESH_MS;
    if (fresh) {
      if (c && c.crlNumber === meta.crlNumber && c.issuerId === s.issuing.row.id) {
        c.checkedAt = Date.now();
        return c.der;
      }
      const row = await repo.latestCrl(this.db, tenantId, s.issuing.row.id);
      if (row) {
        this.crlCache.set(tenantId, { issuerId: row.issuerId, crlNumber: row.crlNumber, der: row.der, thisUpdate: row.thisUpdate, checkedAt: Date.now() });
        return row.der;
      }
    }
    return (await this.regenerateCrl(tenantId)).der;
  }

  /** Signs a new CRL with every revoked certificate of the issuing CA (K9). */
  async regenerateCrl(tenantId: string, actor?: Actor): Promise<{ der: Uint8Array; crlNumber: number; entries: number; thisUpdate: Date; nextUpdate: Date }> {
    const s = await this.state(tenantId);
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'pki-crl:' + tenantId}))`);
      const meta = await repo.latestCrlMeta(tx, tenantId, s.issuing.row.id);
      const rows = await repo.revokedEntriesForCrl(tx, tenantId, s.issuing.row.id);
      const covered = await repo.lastRevocationChange(tx, tenantId, s.issuing.row.id);
      // whole seconds, never in the future (OpenSSL: "CRL is not yet valid")
      const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000);
      const nextUpdate = new Date(thisUpdate.getTime() + CRL_VALIDITY_MS);
      const crlNumber = (meta?.crlNumber ?? 0) + 1;
      const der = buildCrl({
        issuerNameDer: s.issuing.parts.subjectDer,
        issuerKeyIdHex: s.issuing.skiHex,
        crlNumber,
        thisUpdate,
        nextUpdate,
        entries: rows.map((r) => ({ serialHex: r.s, revokedAt: r.r, reason: (r.reason ?? 'unspecified') as RevocationReason, invalidityDate: r.inv })),
        signer: { key: s.issuing.key, curve: 'P-256' },
      });
      const ins = await repo.insertCrl(tx, { tenantId, issuerId: s.issuing.row.id, crlNumber, thisUpdate, nextUpdate, entries: rows.length, coveredUntil: covered.at, der });
      if (actor) await recordAudit(tx, actor, { action: 'crl', entity: 'pki_crl', entityId: ins.id, after: { crlNumber, entries: rows.length, thisUpdate, nextUpdate } });
      this.crlCache.set(tenantId, { issuerId: s.issuing.row.id, crlNumber, der, thisUpdate, checkedAt: Date.now() });
      return { der, crlNumber, entries: rows.length, thisUpdate, nextUpdate };
    });
  }

  // ---- OCSP ---------------------------------------------------------------------------------
  async ocsp(tenantId: string, reqDer: Uint8Array): Promise<Uint8Array> {
    let parsed;
    try {
      parsed = parseOcspRequest(reqDer);
    } catch {
      return ocspError('malformedRequest');
    }
    let s: CaState;
    try {
      s = await this.state(tenantId);
    } catch {
      return ocspError('unauthorized');
    }
    const answers = await Promise.all(
      parsed.questions.map(async (q): Promise<{ certIdDer: Buffer; status: CertStatus }> => {
        const h = q.hash ? s.issuing.hashes[q.hash] : null;
        if (!h || h.name !== q.nameHash || h.key !== q.keyHash) return { certIdDer: q.certIdDer, status: { status: 'unknown' } };
        const r = await this.cachedStatus(tenantId, q.serialHex);
        if (!r || r.issuerId !== s.issuing.row.id) return { certIdDer: q.certIdDer, status: { status: 'unknown' } };
        if (r.status === 'revoked') return { certIdDer: q.certIdDer, status: { status: 'revoked', revokedAt: r.revokedAt!, reason: (r.reason ?? 'unspecified') as RevocationReason } };
        return { certIdDer: q.certIdDer, status: { status: 'good' } };
      }),
    );
    return buildOcspResponse({
      answers,
      nonceExt: parsed.nonceExt,
      signerCertDer: s.ocsp.parts.der,
      signerKeyHashSha1: s.ocsp.keyHashSha1,
      signer: { key: s.ocsp.key, curve: 'P-256' },
    });
  }

  private async cachedStatus(tenantId: string, serialHex: string) {
    const key = `${tenantId}:${serialHex}`;
    const hit = this.statusCache.get(key);
    if (hit && Date.now() - hit.at < STATUS_TTL_MS) return hit.row;
    const row = await repo.statusBySerial(this.db, tenantId, serialHex);
    if (this.statusCache.size >= STATUS_CACHE_MAX) this.statusCache.clear();
    this.statusCache.set(key, { at: Date.now(), row });
    return row;
  }

  // ---- TSA ----------------------------------------------------------------------------------
  async timestamp(tenantId: string, tsqDer: Uint8Array): Promise<Uint8Array> {
    let req;
    try {
      req = parseTsq(tsqDer);
    } catch (e) {
      if (e instanceof TsaRequestError) return tsaRejection(e.failure, e.message);
      return tsaRejection('badDataFormat', 'malformed TimeStampReq');
    }
    const s = await this.state(tenantId);
    const { der } = await grantTimestamp({ req, tsaCert: s.tsa.parts, tsaKey: s.tsa.key.cryptoKey, hash: 'SHA-256', chainDer: [s.tsa.parts.der, s.issuing.parts.der] });
    return der;
  }
}
