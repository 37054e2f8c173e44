import { randomUUID } from 'node:crypto';
import type { Permission } from '@persada/shared';
import { TINY_PDF } from '../../src/platform/files/test-fixtures.js';
import { TEST_PASSWORD, type TestApp } from '../harness.js';

/**
 * Shared state and helpers of the authorization sweep (authorization.test.ts). Each module's route specs
 * live in their own file next to this one; the sweep merges them. The world (the app, tenant A with one
 * record of each kind, tenant B's records) is set up once by the sweep's beforeAll through setWorld().
 */
export type Req = { method: string; url: string; body?: unknown; file?: string };
export type Res = { status: number; json: any; text: string; type: string };
export type Who = { userId: string; email: string; cookie: string; call: (r: Req) => Promise<Res> };
export type World = Record<'tenantId' | 'opd' | 'unit' | 'position' | 'person' | 'role' | 'user' | 'file' | 'deletedOpd' | 'deletedPerson', string>;
export type Need = [Permission, 'tenant' | 'opd' | 'any'];
export type Spec = { needs: Need[]; id?: (w: Who) => Promise<string>; body?: (w: Who) => unknown; query?: string; ok?: number };
export type Specs = Record<string, Spec>;
/** Path prefix → the other Pemda's record id for that route family. */
export type Foreign = [RegExp, string][];

// Public by design: docs, login, the CA publication points under /pki/<slug>/ (certificates, CRL, OCSP, TSA)
// and the public signature verifier /api/verify/* (tested in modules/signing).
export const SKIP = /^\/(api\/(docs|openapi\.json|health$|auth\/(login|logout|sso\/|totp\/verify)|verify\/)|pki\/)/;
export let t: TestApp;
/** A: this Pemda's targets; B: the other Pemda's ids (each module adds its own). */
export let A: World & Record<string, string>;
export let B: World & Record<string, string>;
export let adminA: Who;
export let adminB: Who;
export function setWorld(w: { t?: TestApp; A?: typeof A; B?: typeof B; adminA?: Who; adminB?: Who }) {
  if (w.t) t = w.t;
  if (w.A) A = w.A;
  if (w.B) B = w.B;
  if (w.adminA) adminA = w.adminA;
  if (w.adminB) adminB = w.adminB;
}

let seq = 0;
export const n = () => ++seq;
let riskYear = 2026;
/** A fresh period for risk contexts (one context per OPD and year). */
export const nextYear = () => ++riskYear;

function multipart(name: string) {
  const boundary = `persada${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), TINY_PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

export function caller(cookie?: string) {
  return async (r: Req): Promise<Res> => {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    let payload: any = r.body;
    if (r.file) ({ payload, type: headers['content-type'] } = multipart(r.file));
    else if (payload === undefined && !['GET', 'DELETE'].includes(r.method)) payload = {};
    const res = await t.app.inject({ method: r.method as any, url: r.url, headers, ...(payload !== undefined ? { payload } : {}) });
    let json: any;
    try {
      json = res.json();
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json, text: res.body, type: String(res.headers['content-type'] ?? '') };
  };
}

/** Logs in through the real endpoint, each login from its own address (the login route has its own rate limit). */
export async function signIn(email: string, userId: string): Promise<Who> {
  const ip = n();
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': `10.7.${ip >> 8}.${ip & 255}` }, payload: { email, password: TEST_PASSWORD } });
  const c = res.cookies.find((x) => x.name === 'persada_session');
  if (res.statusCode !== 200 || !c) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = `persada_session=${c.value}`;
  return { userId, email, cookie, call: caller(cookie) };
}

export const ok = async (p: Promise<Res>) => {
  const r = await p;
  if (r.status !== 200) throw new Error(`setup failed ${r.status} ${r.text}`);
  return r.json;
};
// Valid NIPs: birth date 1990-03-03 (A) or 1988-08-08 (B), TMT in 2015, male, running number.
export const nip = (birth = '19900303') => {
  // Running number 001–999, then the next TMT month: unique for thousands of people.
  const k = n();
  return `${birth}2015${String((Math.floor(k / 999) % 12) + 1).padStart(2, '0')}1${String((k % 999) + 1).padStart(3, '0')}`;
};

export const org = (p: Permission, s: Need[1] = 'opd'): Need => [p, s];
export const gov = (p: Permission, s: Need[1] = 'tenant'): Need => [p, s];

export const personBody = (w: { opd: string }, over: Record<string, unknown> = {}) => {
  const k = n();
  return { fullName: `Pegawai Uji ${k}`, kind: 'asn', nip: nip(), email: `pegawai${k}@uji-a.go.id`, opdId: w.opd, ...over };
};
export const opdBody = (code: string, name: string) => ({ code, name, shortName: 'UJI', kind: 'dinas', isPersandianDinas: false, address: 'Jl. Uji 1', email: null });
// Fresh A records, created by A's admin so destructive routes always have a target.
export const fresh = {
  opd: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/opds', body: opdBody(`F.${n()}`, `OPD Sementara ${n()}`) }))).id;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/opds/${id}` }));
    return id as string;
  },
  unit: async () => (await ok(adminA.call({ method: 'POST', url: '/api/units', body: { opdId: A.opd, name: `Seksi ${n()}`, kind: 'seksi' } }))).id as string,
  position: async () => (await ok(adminA.call({ method: 'POST', url: '/api/positions', body: { opdId: A.opd, name: `Jabatan ${n()}` } }))).id as string,
  person: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/people', body: personBody(A) }))).id as string;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/people/${id}` }));
    return id;
  },
  role: async () => (await ok(adminA.call({ method: 'POST', url: '/api/roles', body: { code: `sementara_${n()}`, name: 'Peran Sementara', nameEn: 'Temp role', permissions: ['tenant.read'] } }))).id as string,
};
