import 'reflect-metadata';
import fs from 'node:fs';
import * as x509 from '@peculiar/x509';
import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { SigningService, type TrustProvider } from './signing.service.js';
import { signingRoutes } from './signing.routes.js';
import { trustedRootsRoutes } from './trusted-roots.routes.js';
import { TrustedRootsService } from './trusted-roots.service.js';
import { trustFromPki, type PkiServiceLike } from './trust.js';
import { allTenantIds } from './signing.repo.js';
import { documentsSignedCheck } from './signing.evidence.js';
import { pemToDer } from './cms.js';

/** Extra trusted roots (e.g. BSrE) as a PEM bundle file named by SIGNING_EXTRA_ROOTS. */
function extraRoots(file: string | undefined): x509.X509Certificate[] {
  if (!file || !fs.existsSync(file)) return [];
  const pems = fs.readFileSync(file, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return pems.flatMap((p) => {
    try {
      return [new x509.X509Certificate(p)];
    } catch {
      return [];
    }
  });
}

/**
 * Trust from the `pki` module: each tenant's CA; the verifier trusts every tenant root of this
 * installation, the SIGNING_EXTRA_ROOTS bundle, and — when the verifier knows which Pemda a
 * document belongs to — the roots that Pemda added in the UI (`tenantRoots`).
 */
export function pkiTrustProvider(ctx: ModuleContext, svc: () => SigningService, tenantRoots?: (tenantId: string) => Promise<x509.X509Certificate[]>): TrustProvider {
  const pki = () => ctx.modules.get('pki')?.service as (PkiServiceLike & { exists?(tenantId: string): Promise<boolean> }) | undefined;
  let cache: { at: number; value: Awaited<ReturnType<TrustProvider['verifyTrust']>> } | null = null;
  return {
    async forTenant(tenantId) {
      const p = pki();
      if (!p?.chain) return null;
      cache = null; // a CA created just now must be trusted by the verifier at once
      await p.chain(tenantId);
      return trustFromPki(p, tenantId);
    },
    async verifyTrust(tenantId) {
      const base = await installationTrust();
      if (!tenantId || !tenantRoots) return base;
      const own = await tenantRoots(tenantId);
      return own.length ? { ...base, roots: [...base.roots, ...own] } : base;
    },
  };
  async function installationTrust() {
      if (cache && Date.now() - cache.at < 60_000) return cache.value;
      const p = pki();
      const cas: Array<{ tenantId: string; root: x509.X509Certificate; issuing: x509.X509Certificate }> = [];
      if (p?.chain) {
        for (const tenantId of await allTenantIds(ctx.deps.database.db)) {
          try {
            // never create a CA just by verifying: only tenants that already have one
            if (p.exists && !(await p.exists(tenantId))) continue;
            const c = await p.chain(tenantId);
            cas.push({ tenantId, root: new x509.X509Certificate(c.rootPem), issuing: new x509.X509Certificate(c.issuingPem) });
          } catch {
            /* tenant without a CA */
          }
        }
      }
      const value = {
        roots: [...cas.map((c) => c.root), ...extraRoots(ctx.deps.env.SIGNING_EXTRA_ROOTS)],
        onlineStatus: async (cert: x509.X509Certificate, issuer: x509.X509Certificate) => {
          const ca = cas.find((c) => c.issuing.equal(issuer));
          if (!ca || !p) return { status: 'unknown' as const };
          return svc().ocspStatus(trustFromPki(p, ca.tenantId), new Uint8Array(cert.rawData), new Uint8Array(pemToDer(issuer.toString('pem'))));
        },
      };
      cache = { at: Date.now(), value };
      return value;
  }
}

export function signingModule(ctx: ModuleContext): PersadaModule {
  let service: SigningService;
  const roots = new TrustedRootsService(ctx.deps);
  const trust = pkiTrustProvider(ctx, () => service, (tenantId) => roots.enabledRoots(tenantId));
  service = new SigningService(ctx.deps, ctx.notifications, ctx.fileStore, trust);
  service.roots = roots;
  service.modules = ctx.modules;
  return {
    name: 'signing',
    routes: (app) => {
      signingRoutes(app, service);
      trustedRootsRoutes(app, roots);
    },
    evidence: [documentsSignedCheck(service)],
    service,
  };
}
