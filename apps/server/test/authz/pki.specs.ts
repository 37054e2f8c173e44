import { TINY_PDF } from '../../src/platform/files/test-fixtures.js';
import type { PkiService } from '../../src/modules/pki/index.js';
import { ThrowawayCa } from '../../src/modules/signing/testing/throwaway-ca.js';
import { A, B, adminA, n, ok, org, t, type Foreign, type Specs } from './world.js';

/** The embedded CA's admin routes (K14) and signing (K4, K15). */
export const fresh = {
  trustedRoot: async (call = adminA.call) => (await ok(call({ method: 'POST', url: '/api/signing/trusted-roots', body: { certificate: (await ThrowawayCa.create()).root.toString('pem') } }))).id as string,
  pkiCert: async (tenantId = A.tenantId, cn = `Pemegang Uji ${n()}`) => {
    const { generateKeyPairSync } = await import('node:crypto');
    const spkiDer = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }));
    const pki = t.services.modules.get('pki')!.service as PkiService;
    return (await pki.issue(tenantId, { profile: 'signing', subject: { commonName: cn }, spkiDer })).id;
  },
};

export const specs: Specs = {
  // signing (K15): personal; a request is seen only by its uploader and signers
  'GET /api/signing/requests': { needs: [org('documents.sign', 'any')] },
  'GET /api/signing/candidates': { needs: [org('documents.sign', 'any')] },
  'POST /api/signing/requests': { needs: [org('documents.sign', 'any')], ok: 400 }, // multipart PDF + meta required
  'GET /api/signing/requests/:id': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId) },
  'GET /api/signing/requests/:id/file': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId) },
  'POST /api/signing/requests/:id/prepare': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId), body: () => ({ certificatePem: 'x'.repeat(120), password: 'bukan-sandinya' }), ok: 400 },
  'POST /api/signing/requests/:id/complete': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId), body: () => ({ signatureB64: 'A'.repeat(24) }), ok: 409 },
  'POST /api/signing/requests/:id/cancel': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId) },
  'POST /api/signing/smime/prepare': { needs: [org('documents.sign', 'any')], body: () => ({ certificatePem: 'x'.repeat(120), content: 'Halo' }), ok: 400 },
  'POST /api/signing/smime/complete': { needs: [org('documents.sign', 'any')], body: () => ({ certificatePem: 'x'.repeat(120), content: 'Halo', signingTime: new Date().toISOString(), signatureB64: 'A'.repeat(24) }), ok: 400 },
  'GET /api/signing/recipients': { needs: [org('documents.sign', 'any')], query: '?q=uji' },
  // trusted roots of the verifier (K15): CA administrators only
  'GET /api/signing/trusted-roots': { needs: [org('pki.manage', 'tenant')] },
  'POST /api/signing/trusted-roots': { needs: [org('pki.manage', 'tenant')], body: async () => ({ certificate: (await ThrowawayCa.create()).root.toString('pem') }) },
  'PUT /api/signing/trusted-roots/:id/enabled': { needs: [org('pki.manage', 'tenant')], id: () => fresh.trustedRoot(), body: () => ({ enabled: false }) },
  'DELETE /api/signing/trusted-roots/:id': { needs: [org('pki.manage', 'tenant')], id: () => fresh.trustedRoot() },
  'GET /api/pki/status': { needs: [org('pki.manage', 'tenant')] },
  'POST /api/pki/ca': { needs: [org('pki.manage', 'tenant')] },
  'GET /api/pki/certificates': { needs: [org('pki.manage', 'tenant')] },
  'GET /api/pki/certificates/export': { needs: [org('pki.manage', 'tenant')], query: '?format=csv' },
  'GET /api/pki/certificates/:id': { needs: [org('pki.manage', 'tenant')], id: () => fresh.pkiCert() },
  'GET /api/pki/certificates/:id/download': { needs: [org('pki.manage', 'tenant')], id: () => fresh.pkiCert() },
  'POST /api/pki/certificates/:id/revoke': { needs: [org('pki.manage', 'tenant')], id: () => fresh.pkiCert(), body: () => ({ reason: 'superseded' }) },
  'POST /api/pki/crl': { needs: [org('pki.manage', 'tenant')] },
  'GET /api/pki/settings': { needs: [org('pki.manage', 'tenant')] },
  'PUT /api/pki/settings': { needs: [org('pki.manage', 'tenant')], body: () => ({ issuer: 'embedded' }) },
};

/** A signing request uploaded by `userId` (signed by that user), created through the signing service. */
export async function signingRequest(tenantId: string, userId: string, signerId = userId): Promise<string> {
  const svc = t.services.modules.get('signing')!.service as { create(a: unknown, i: unknown, f: string, d: Buffer): Promise<{ id: string }> };
  const actor = { tenantId, userId, label: 'uji', grants: new Map([['*', new Set(['*'])]]) };
  return (await svc.create(actor, { title: `Nota Dinas ${n()}`, signers: [{ userId: signerId }] }, 'nota.pdf', TINY_PDF)).id;
}

export const foreign = (): Foreign => [
  [/^\/api\/signing\/requests\//, B.signing], [/^\/api\/signing\/trusted-roots\//, B.trustedRoot], [/^\/api\/pki\/certificates\//, B.pkiCert],
];
