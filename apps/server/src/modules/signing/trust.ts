/**
 * What the signing module needs from a certificate authority: the trust anchors, an RFC 3161
 * TSA, OCSP and CRL. Implemented by the tenant CA of the `pki` module (adapter below) and, in
 * tests and the benchmark, by a throwaway CA.
 */
export interface TrustServices {
  /** The tenant CA chain as PEM. */
  chain(): Promise<{ rootPem: string; issuingPem: string }>;
  /** DER TimeStampReq → DER TimeStampResp. */
  timestamp(tsqDer: Uint8Array): Promise<Uint8Array>;
  /** DER OCSPRequest → DER OCSPResponse. */
  ocsp(reqDer: Uint8Array): Promise<Uint8Array>;
  /** The current CRL (DER). */
  crl(): Promise<Uint8Array>;
}

/** The service shape the `pki` module exposes (see the task contract). */
export type PkiServiceLike = {
  chain(tenantId: string): Promise<{ rootPem: string; issuingPem: string }>;
  timestamp(tenantId: string, tsqDer: Uint8Array): Promise<Uint8Array>;
  ocsp(tenantId: string, reqDer: Uint8Array): Promise<Uint8Array>;
  crl(tenantId: string): Promise<Uint8Array>;
  /** Tenants that have a CA, for the installation-wide trust list. */
  listRoots?(): Promise<string[]>;
};

export function trustFromPki(pki: PkiServiceLike, tenantId: string): TrustServices {
  return {
    chain: () => pki.chain(tenantId),
    timestamp: async (d) => new Uint8Array(await pki.timestamp(tenantId, d)),
    ocsp: async (d) => new Uint8Array(await pki.ocsp(tenantId, d)),
    crl: async () => new Uint8Array(await pki.crl(tenantId)),
  };
}

/** Resolves the CA services of a tenant (null when the installation has no CA for it yet). */
export type TrustResolver = (tenantId: string) => Promise<TrustServices | null>;
