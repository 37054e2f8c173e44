import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { verify as argonVerify } from '@node-rs/argon2';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TRecipient } from '@persada/shared';
import type { TCompleteSignInput, TPrepareSignInput, TSigningRequestInput, TSmimeCompleteInput, TSmimePrepareInput } from './signing.dto.js';
import type { AppDeps } from '../../app/deps.js';
import type { Actor } from '../../platform/context/actor.js';
import type { FileService } from '../../platform/files/index.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { assembleDetachedCms, buildSignedAttrs, hex, ocspRequestFor, pemToDer, sha256, signedAttrsToBeSigned, toAb, verifyRawSignature } from './cms.js';
import { PdfSigningError, PdfSigningService } from './pdf-signing.js';
import { PdfVerifyError, verifyPdf, type VerifyTrust } from './pdf-verify.js';
import { signingPolicy as policy } from './signing.policy.js';
import type { TrustServices } from './trust.js';
import type { TrustedRootsService } from './trusted-roots.service.js';
import * as repo from './signing.repo.js';
import { buildSmimeMessage, canonicalMime } from './smime.js';
import { dnText } from '../pki/certinfo.js';

/** Where the signing module gets CA services: a tenant's CA, and the installation-wide trust list. */
export type TrustProvider = {
  forTenant(tenantId: string): Promise<TrustServices | null>;
  /**
   * Every tenant CA root of this installation plus configured extra roots (BSrE …); with a
   * tenant, also the roots that Pemda added (only ever for documents known to be its own, or
   * when the verifier is opened for that Pemda).
   */
  verifyTrust(tenantId?: string | null): Promise<VerifyTrust>;
};

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const store = { classified: true, allowed: ['pdf'], maxBytes: 25 * 1024 * 1024 } as const;

/**
 * Official-document signing (K15): requests with ordered signers, browser-key PAdES signing
 * (prepare → browser signs → complete), S/MIME signing and the public verifier.
 */
export class SigningService {
  readonly pdf = new PdfSigningService();
  /** Trusted roots per Pemda (set by the module). */
  roots?: TrustedRootsService;
  /** The modules created before this one (set by the module). */
  modules?: Map<string, { service?: unknown }>;
  constructor(
    private readonly deps: AppDeps,
    private readonly notifications: NotificationService,
    private readonly files: FileService,
    public trust: TrustProvider,
  ) {}
  private get db() {
    return this.deps.database.db;
  }
  verifyUrl(id: string) {
    const base = (this.deps.env.PUBLIC_URL ?? `http://localhost:${this.deps.env.PORT}`).replace(/\/$/, '');
    return `${base}/verifikasi/${id}`;
  }

  private dto(r: repo.RequestRow, signers: repo.SignerRow[], actor: Actor, createdByName: string | null) {
    const current = signers.find((s) => s.status === 'pending');
    return {
      id: r.id,
      title: r.title,
      docNumber: r.docNumber,
      fileName: r.fileName,
      status: r.status,
      sha256: r.currentSha256,
      size: r.currentSize,
      createdBy: r.createdBy,
      createdByName,
      createdAt: r.createdAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
      verifyUrl: this.verifyUrl(r.id),
      myTurn: r.status === 'in_progress' && !!current && current.userId === actor.userId,
      signers: signers.map((s) => ({
        id: s.id,
        seq: s.seq,
        userId: s.userId,
        displayName: s.displayName,
        nip: s.nip,
        position: s.position,
        status: s.status,
        signedAt: s.signedAt?.toISOString() ?? null,
        certSerial: s.certSerial,
        certSubject: s.certSubject,
        isCurrent: r.status === 'in_progress' && current?.id === s.id,
      })),
    };
  }

  async list(actor: Actor, q: { page: number; pageSize: number; q?: string; box: 'all' | 'todo' | 'mine'; status?: string }) {
    policy.use(actor);
    const { items, total } = await repo.listForUser(this.db, actor.tenantId, actor.userId ?? '00000000-0000-0000-0000-000000000000', q);
    const signers = await repo.signersOf(this.db, actor.tenantId, items.map((i) => i.r.id));
    return {
      items: items.map((i) => this.dto(i.r, signers.filter((s) => s.requestId === i.r.id), actor, i.createdByName)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async candidates(actor: Actor, q?: string) {
    policy.use(actor);
    const rows = await repo.signerCandidates(this.db, actor.tenantId, undefined, q);
    return rows.map((r) => ({ id: r.id, displayName: r.fullName ? [r.frontTitle, r.fullName].filter(Boolean).join(' ') + (r.backTitle ? `, ${r.backTitle}` : '') : r.displayName, email: r.email, nip: r.nip }));
  }

  /**
   * Recipients for document protection (K4): holders with a valid encryption certificate in
   * this Pemda, from the certificates module (created before this one).
   */
  async recipients(actor: Actor, q?: string) {
    policy.use(actor);
    const certs = (this.modules?.get('certificates')?.service as { registry?: { certs?: { encryptionRecipients?(tenantId: string, q?: string): Promise<TRecipient[]> } } } | undefined)?.registry?.certs;
    if (!certs?.encryptionRecipients) return [];
    return certs.encryptionRecipients(actor.tenantId, q?.trim() || undefined);
  }

  private async load(actor: Actor, id: string) {
    const r = await repo.getRequest(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    const signers = await repo.signersOf(this.db, actor.tenantId, [id]);
    if (!policy.canSee(actor, r, signers.map((s) => s.userId))) throw notFound();
    return { r, signers };
  }

  async get(actor: Actor, id: string) {
    policy.use(actor);
    const { r, signers } = await this.load(actor, id);
    return this.dto(r, signers, actor, await repo.userName(this.db, actor.tenantId, r.createdBy));
  }

  async download(actor: Actor, id: string) {
    policy.use(actor);
    const { r } = await this.load(actor, id);
    const data = await this.files.read(r.currentKey, { encrypted: true, sha256: r.currentSha256 });
    return { data, name: r.fileName.replace(/\.pdf$/i, '') + (r.status === 'completed' ? '-ditandatangani.pdf' : '.pdf') };
  }

  /** Permission check before reading an upload. */
  assertCanUse(actor: Actor) {
    policy.use(actor);
  }

  async create(actor: Actor, input: TSigningRequestInput, fileName: string, bytes: Buffer) {
    policy.use(actor);
    if (!actor.userId) throw new AppError(403, 'error.forbidden');
    const ids = input.signers.map((s) => s.userId);
    if (new Set(ids).size !== ids.length) throw new AppError(400, 'signing.signer_duplicate', [{ field: 'signers', key: 'signing.signer_duplicate' }]);
    const people = await repo.signerCandidates(this.db, actor.tenantId, ids);
    if (people.length !== ids.length) throw new AppError(400, 'signing.signer_unknown', [{ field: 'signers', key: 'signing.signer_unknown' }]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const id = randomUUID();
    const entries = input.signers.map((s) => {
      const p = byId.get(s.userId)!;
      const name = p.fullName ? [p.frontTitle, p.fullName].filter(Boolean).join(' ') + (p.backTitle ? `, ${p.backTitle}` : '') : p.displayName;
      return { userId: s.userId, name, nip: p.nip, position: s.position ?? null };
    });
    let stamped: Uint8Array;
    try {
      stamped = await this.pdf.stamp(new Uint8Array(bytes), { entries, verifyUrl: this.verifyUrl(id) });
    } catch (e) {
      if (e instanceof PdfSigningError) throw new AppError(400, e.key, [{ field: 'file', key: e.key }]);
      throw e;
    }
    const original = await this.files.store(bytes, { ...store, filename: fileName }).catch(() => {
      throw new AppError(400, 'signing.pdf_invalid', [{ field: 'file', key: 'signing.pdf_invalid' }]);
    });
    const current = await this.files.store(Buffer.from(stamped), { ...store, filename: fileName });
    return this.db.transaction(async (tx) => {
      const row = await repo.insertRequest(tx, {
        id,
        tenantId: actor.tenantId,
        title: input.title,
        docNumber: input.docNumber ?? null,
        fileName: fileName.slice(0, 200) || 'dokumen.pdf',
        originalKey: original.storageKey,
        originalSha256: original.sha256,
        currentKey: current.storageKey,
        currentSha256: current.sha256,
        currentSize: current.size,
        createdBy: actor.userId!,
      });
      const signers = await repo.insertSigners(
        tx,
        entries.map((e, i) => ({ tenantId: actor.tenantId, requestId: id, seq: i + 1, userId: e.userId, displayName: e.name, nip: e.nip, position: e.position, fieldName: `TTE_${i + 1}_${id.slice(0, 8)}` })),
      );
      await recordAudit(tx, actor, { action: 'create', entity: 'signing_request', entityId: id, after: { ...row, signers: entries.map((e) => e.name) } });
      await this.notifyTurn(tx, actor.tenantId, row, signers[0].userId);
      return this.dto(row, signers, actor, await repo.userName(tx, actor.tenantId, row.createdBy));
    });
  }

  private async notifyTurn(tx: Parameters<NotificationService['notify']>[0], tenantId: string, r: repo.RequestRow, userId: string) {
    await this.notifications.notify(tx, tenantId, [userId], {
      kind: 'signing.turn',
      title: `Permintaan tanda tangan: ${r.title}`,
      body: `Dokumen ${r.docNumber ? `${r.docNumber} ` : ''}"${r.title}" menunggu tanda tangan elektronik Anda.`,
      link: `/tanda-tangan/${r.id}`,
    });
  }

  private parseCert(pem: string) {
    try {
      return new x509.X509Certificate(pem.includes('BEGIN') ? pem : toAb(pemToDer(pem)));
    } catch {
      throw new AppError(400, 'signing.certificate_invalid', [{ field: 'certificatePem', key: 'signing.certificate_invalid' }]);
    }
  }

  /** Checks that a certificate may sign for this actor now: readable, ours, valid, not revoked, theirs. */
  private async checkCertificate(actor: Actor, cert: x509.X509Certificate, trust: TrustServices) {
    const alg = cert.publicKey.algorithm.name;
    if (alg !== 'ECDSA' && alg !== 'RSASSA-PKCS1-v1_5' && alg !== 'EC' && alg !== 'RSA') throw new AppError(400, 'signing.key_unsupported');
    const now = new Date();
    if (now < cert.notBefore || now > cert.notAfter) throw new AppError(400, 'signing.certificate_expired');
    const chain = await trust.chain();
    const issuing = new x509.X509Certificate(chain.issuingPem);
    const ok = cert.issuer === issuing.subject && (await cert.verify({ publicKey: issuing.publicKey, signatureOnly: true }).catch(() => false));
    if (!ok) throw new AppError(400, 'signing.certificate_untrusted');
    const status = await this.ocspStatus(trust, new Uint8Array(cert.rawData), new Uint8Array(issuing.rawData));
    if (status.status === 'revoked') throw new AppError(400, 'signing.certificate_revoked');
    // the certificate's e-mail must be the signer's (account or person record)
    const emails = [
      ...cert.subjectName.getField('E'),
      ...(cert.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.filter((n) => n.type === 'email').map((n) => n.value) ?? []),
    ].map((e) => e.toLowerCase());
    if (emails.length) {
      const [me] = await repo.signerCandidates(this.db, actor.tenantId, [actor.userId!]);
      const mine = [me?.email].filter(Boolean).map((e) => e!.toLowerCase());
      if (!emails.some((e) => mine.includes(e))) throw new AppError(400, 'signing.certificate_not_yours');
    }
    return { cert, chainDer: [pemToDer(chain.issuingPem), pemToDer(chain.rootPem)] };
  }

  async ocspStatus(trust: TrustServices, certDer: Uint8Array, issuerDer: Uint8Array): Promise<{ status: 'good' | 'revoked' | 'unknown'; revokedAt: Date | null }> {
    try {
      const resp = pkijs.OCSPResponse.fromBER(toAb(await trust.ocsp(await ocspRequestFor(certDer, issuerDer))));
      if (!resp.responseBytes) return { status: 'unknown', revokedAt: null };
      const basic = pkijs.BasicOCSPResponse.fromBER(toAb(new Uint8Array(resp.responseBytes.response.valueBlock.valueHexView)));
      const sr = basic.tbsResponseData.responses[0];
      const tag = (sr?.certStatus as asn1js.BaseBlock | undefined)?.idBlock.tagNumber;
      if (tag === 0) return { status: 'good', revokedAt: null };
      if (tag === 1) return { status: 'revoked', revokedAt: ((sr.certStatus as asn1js.Constructed).valueBlock.value[0] as asn1js.GeneralizedTime).toDate() };
    } catch {
      /* unreachable responder */
    }
    return { status: 'unknown', revokedAt: null };
  }

  private async tenantTrust(tenantId: string) {
    const t = await this.trust.forTenant(tenantId).catch(() => null);
    if (!t) throw new AppError(503, 'signing.ca_unavailable');
    return t;
  }

  private async checkPassword(actor: Actor, password: string) {
    const [me] = await repo.signerCandidates(this.db, actor.tenantId, [actor.userId!]);
    const ok = me?.passwordHash ? await argonVerify(me.passwordHash, password).catch(() => false) : false;
    if (!ok) throw new AppError(400, 'signing.password_wrong', [{ field: 'password', key: 'signing.password_wrong' }]);
  }

  private currentSigner(actor: Actor, r: repo.RequestRow, signers: repo.SignerRow[]) {
    if (r.status !== 'in_progress') throw new AppError(409, 'signing.not_open');
    const cur = signers.find((s) => s.status === 'pending');
    if (!cur || cur.userId !== actor.userId) throw new AppError(409, 'signing.not_your_turn');
    return cur;
  }

  /** Step 1: the server fixes the signature field and time and returns the signed attributes for the browser to sign. */
  async prepare(actor: Actor, id: string, input: TPrepareSignInput) {
    policy.use(actor);
    const { r, signers } = await this.load(actor, id);
    const cur = this.currentSigner(actor, r, signers);
    await this.checkPassword(actor, input.password);
    const parsed = this.parseCert(input.certificatePem);
    const trust = await this.tenantTrust(actor.tenantId);
    const { cert, chainDer } = await this.checkCertificate(actor, parsed, trust);
    const bytes = new Uint8Array(await this.files.read(r.currentKey, { encrypted: true, sha256: r.currentSha256 }));
    const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    let prepared;
    try {
      prepared = await this.pdf.prepare(bytes, { certDer: new Uint8Array(cert.rawData), chainDer, fieldName: cur.fieldName, signingTime, reason: 'Tanda tangan elektronik dokumen dinas', location: r.docNumber ?? undefined });
    } catch (e) {
      if (e instanceof PdfSigningError) throw new AppError(400, e.key);
      throw e;
    }
    await repo.updateSigner(this.db, actor.tenantId, cur.id, {
      preparedAt: new Date(),
      preparedSigningTime: signingTime,
      preparedDigest: prepared.digestHex,
      preparedSourceSha256: r.currentSha256,
      certificatePem: cert.toString('pem'),
    });
    return { toBeSignedB64: b64(prepared.toBeSigned), digestHex: prepared.digestHex, documentSha256: r.currentSha256, signingTime: signingTime.toISOString(), fieldName: cur.fieldName };
  }

  /** Step 2: the browser's signature comes back; the server assembles PAdES B-T + DSS and moves the request on. */
  async complete(actor: Actor, id: string, input: TCompleteSignInput) {
    policy.use(actor);
    const { r, signers } = await this.load(actor, id);
    const cur = this.currentSigner(actor, r, signers);
    if (!cur.preparedDigest || !cur.certificatePem || !cur.preparedSigningTime) throw new AppError(409, 'signing.not_prepared');
    if (cur.preparedSourceSha256 !== r.currentSha256) throw new AppError(409, 'signing.prepare_mismatch');
    const trust = await this.tenantTrust(actor.tenantId);
    const chain = await trust.chain();
    const cert = new x509.X509Certificate(cur.certificatePem);
    const bytes = new Uint8Array(await this.files.read(r.currentKey, { encrypted: true, sha256: r.currentSha256 }));
    let signed: Uint8Array;
    try {
      signed = await this.pdf.complete(
        bytes,
        {
          certDer: new Uint8Array(cert.rawData),
          chainDer: [pemToDer(chain.issuingPem), pemToDer(chain.rootPem)],
          fieldName: cur.fieldName,
          signingTime: cur.preparedSigningTime,
          reason: 'Tanda tangan elektronik dokumen dinas',
          location: r.docNumber ?? undefined,
          signature: new Uint8Array(Buffer.from(input.signatureB64, 'base64')),
          expectedDigestHex: cur.preparedDigest,
        },
        trust,
      );
    } catch (e) {
      if (e instanceof PdfSigningError) throw new AppError(e.key === 'signing.tsa_failed' ? 503 : 400, e.key);
      throw e;
    }
    const stored = await this.files.store(Buffer.from(signed), { ...store, filename: r.fileName });
    return this.db.transaction(async (tx) => {
      const next = signers.find((s) => s.status === 'pending' && s.id !== cur.id);
      const row = await repo.advanceRequest(tx, actor.tenantId, id, r.currentSha256, {
        currentKey: stored.storageKey,
        currentSha256: stored.sha256,
        currentSize: stored.size,
        ...(next ? {} : { status: 'completed' as const, completedAt: new Date() }),
      });
      if (!row) throw new AppError(409, 'signing.prepare_mismatch');
      const signedSigner = await repo.updateSigner(tx, actor.tenantId, cur.id, {
        status: 'signed',
        signedAt: new Date(),
        certSerial: cert.serialNumber.toLowerCase(),
        certSubject: dnText(cert.subject),
        timestamped: true,
      });
      await recordAudit(tx, actor, {
        action: 'sign',
        entity: 'signing_request',
        entityId: id,
        before: { sha256: r.currentSha256 },
        after: { sha256: stored.sha256, signer: cur.displayName, certSerial: signedSigner.certSerial, fieldName: cur.fieldName },
      });
      if (next) await this.notifyTurn(tx, actor.tenantId, row, next.userId);
      else
        await this.notifications.notify(tx, actor.tenantId, [r.createdBy, ...signers.map((s) => s.userId)], {
          kind: 'signing.completed',
          title: `Dokumen selesai ditandatangani: ${r.title}`,
          body: `Semua ${signers.length} penanda tangan telah menandatangani "${r.title}".`,
          link: `/tanda-tangan/${id}`,
        });
      const all = signers.map((s) => (s.id === cur.id ? signedSigner : s));
      return this.dto(row, all, actor, await repo.userName(tx, actor.tenantId, row.createdBy));
    });
  }

  async cancel(actor: Actor, id: string) {
    policy.use(actor);
    const { r, signers } = await this.load(actor, id);
    policy.cancel(actor, r);
    if (r.status !== 'in_progress') throw new AppError(409, 'signing.not_open');
    return this.db.transaction(async (tx) => {
      const row = await repo.updateRequest(tx, actor.tenantId, id, { status: 'cancelled' });
      await recordAudit(tx, actor, { action: 'cancel', entity: 'signing_request', entityId: id, before: r, after: row });
      return this.dto(row, signers, actor, null);
    });
  }

  // ---------- S/MIME (e-mail protection, K4) ----------
  async smimePrepare(actor: Actor, input: TSmimePrepareInput) {
    policy.use(actor);
    const parsed = this.parseCert(input.certificatePem);
    const trust = await this.tenantTrust(actor.tenantId);
    const { cert } = await this.checkCertificate(actor, parsed, trust);
    const content = canonicalMime(input.content);
    const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const attrs = buildSignedAttrs(sha256(Buffer.from(content, 'utf8')), new Uint8Array(cert.rawData), signingTime);
    return { toBeSignedB64: b64(signedAttrsToBeSigned(attrs)), signingTime: signingTime.toISOString(), canonicalContent: content };
  }

  async smimeComplete(actor: Actor, input: TSmimeCompleteInput) {
    policy.use(actor);
    const parsed = this.parseCert(input.certificatePem);
    const trust = await this.tenantTrust(actor.tenantId);
    const { cert, chainDer } = await this.checkCertificate(actor, parsed, trust);
    const content = canonicalMime(input.content);
    const certDer = new Uint8Array(cert.rawData);
    const attrs = buildSignedAttrs(sha256(Buffer.from(content, 'utf8')), certDer, new Date(input.signingTime));
    const tbs = signedAttrsToBeSigned(attrs);
    const signature = new Uint8Array(Buffer.from(input.signatureB64, 'base64'));
    if (!(await verifyRawSignature(certDer, tbs, signature))) throw new AppError(400, 'signing.signature_invalid');
    const cms = await assembleDetachedCms({ certDer, chainDer, signedAttrs: attrs, signature, tsa: (q) => trust.timestamp(q) }).catch(() =>
      assembleDetachedCms({ certDer, chainDer, signedAttrs: attrs, signature }),
    );
    await recordAudit(this.db, actor, { action: 'smime_sign', entity: 'smime_message', entityId: randomUUID(), after: { certSerial: cert.serialNumber, sha256: hex(sha256(Buffer.from(content))) } });
    return { message: buildSmimeMessage(content, cms) };
  }

  /**
   * K13 "jumlah penggunaan": signatures made in `year` per OPD (of the signer's person record).
   * The certificates module, created before this one, reads it late-bound through
   * `ctx.modules.get('signing').service` for its yearly figures and their export.
   */
  signatureCountsByOpd(tenantId: string, year: number): Promise<Map<string, number>> {
    return repo.signatureCountsByOpd(this.db, tenantId, year);
  }

  // ---------- public verifier ----------
  private async verifyBytes(bytes: Uint8Array, tenantId: string | null) {
    const trust = await this.trust.verifyTrust(tenantId);
    try {
      return await verifyPdf(bytes, trust);
    } catch (e) {
      if (e instanceof PdfVerifyError) throw new AppError(e.key === 'signing.verify_too_large' ? 413 : 400, e.key, [{ field: 'file', key: e.key }]);
      throw new AppError(400, 'signing.verify_malformed', [{ field: 'file', key: 'signing.verify_malformed' }]);
    }
  }

  /**
   * Which Pemda's trusted roots apply to an uploaded file: the Pemda that holds the same file
   * (a document signed here), else the Pemda named by `tenantSlug` (the verifier opened from
   * that Pemda's link, `?pemda=<slug>`), else none (installation-wide roots only).
   */
  async verifyUpload(bytes: Buffer, tenantSlug?: string) {
    const sha = hex(sha256(bytes));
    const found = await repo.findBySha(this.db, sha);
    const tenantId = found?.r.tenantId ?? (tenantSlug ? await repo.tenantIdBySlug(this.db, tenantSlug) : null);
    const report = await this.verifyBytes(new Uint8Array(bytes), tenantId);
    return {
      ...report,
      sha256: sha,
      document: found ? { id: found.r.id, title: found.r.title, docNumber: found.r.docNumber, status: found.r.status, tenantName: found.tenantName, matchesStored: true } : null,
    };
  }

  async verifyStored(id: string) {
    const found = await repo.getRequestPublic(this.db, id);
    if (!found) throw notFound();
    const bytes = await this.files.read(found.r.currentKey, { encrypted: true, sha256: found.r.currentSha256 });
    const report = await this.verifyBytes(new Uint8Array(bytes), found.r.tenantId);
    return {
      ...report,
      sha256: found.r.currentSha256,
      document: { id: found.r.id, title: found.r.title, docNumber: found.r.docNumber, status: found.r.status, tenantName: found.tenantName, matchesStored: true },
    };
  }
}
