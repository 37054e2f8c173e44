/**
 * Child process that drives autocannon (programmatic API), so the load generator never shares
 * the event loop or CPU time slice of the servers under test. Receives one job over IPC and
 * runs ONE autocannon run of warm-up + duration seconds on the same connections; responses of
 * the warm-up seconds are discarded and the statistics are computed from the measured window
 * only (a separate warm-up run would close its connections and start the measured run with a
 * burst of new ones, whose start-up transient then dominates p99).
 */
import autocannon from 'autocannon';
import type { CannonJob, CannonSummary } from './load.js';

type Opts = Record<string, unknown>;
type Sample = { at: number; ms: number; status: number; bytes: number };

const SLOW_MS = 500;
const samples: Sample[] = [];
let errorsInWindow = 0;
let timeoutsInWindow = 0;
let measureFrom = Infinity;

function run(opts: Opts): Promise<any> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err: Error | null, result: any) => (err ? reject(err) : resolve(result)));
  });
}

const setupClient = (client: any) => {
  client.on('response', (status: number, bytes: number, ms: number) => {
    const at = Date.now();
    if (at >= measureFrom) samples.push({ at, ms, status, bytes });
  });
  client.on('connError', () => {
    if (Date.now() >= measureFrom) errorsInWindow++;
  });
  client.on('timeout', () => {
    if (Date.now() >= measureFrom) timeoutsInWindow++;
  });
};

function options(job: CannonJob): Opts {
  const base: Opts = {
    url: job.url,
    connections: job.connections,
    duration: job.warmup + job.duration,
    method: job.method,
    headers: job.headers,
    body: job.body,
    setupClient,
  };
  if (!job.rotateLogin) return base;
  // Login: spread requests over the benchmark accounts (one account would serialize every login on
  // its users row). The per-address login limit is raised through LOGIN_RATE_LIMIT by run.ts.
  let n = 0;
  return {
    ...base,
    requests: [
      {
        method: 'POST',
        path: new URL(job.url).pathname,
        setupRequest: (req: any) => {
          n++;
          const email = job.rotateLogin!.emails[n % job.rotateLogin!.emails.length];
          return { ...req, headers: { ...req.headers, 'content-type': 'application/json' }, body: JSON.stringify({ email, password: job.rotateLogin!.password }) };
        },
      },
    ],
  };
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(job: CannonJob): CannonSummary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
  const statusCodes: Record<string, number> = {};
  const slowBySecond: Record<string, number> = {};
  const maxBySecond: Record<string, number> = {};
  let bytes = 0;
  for (const s of samples) {
    statusCodes[s.status] = (statusCodes[s.status] ?? 0) + 1;
    bytes += s.bytes;
    const sec = String(Math.floor((s.at - measureFrom) / 1000));
    if (s.ms > SLOW_MS) slowBySecond[sec] = (slowBySecond[sec] ?? 0) + 1;
    if (s.ms > (maxBySecond[sec] ?? 0)) maxBySecond[sec] = Math.round(s.ms);
  }
  const ok = samples.filter((s) => s.status >= 200 && s.status < 300).length;
  return {
    requestsPerSec: samples.length / job.duration,
    requestsTotal: samples.length,
    latency: {
      avg: round(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length), 2),
      p50: round(percentile(ms, 50), 1),
      p90: round(percentile(ms, 90), 1),
      p99: round(percentile(ms, 99), 1),
      max: round(ms[ms.length - 1] ?? 0, 1),
    },
    throughputBytesPerSec: bytes / job.duration,
    non2xx: samples.length - ok,
    errors: errorsInWindow,
    timeouts: timeoutsInWindow,
    statusCodes,
    durationSec: job.duration,
    slow: { thresholdMs: SLOW_MS, bySecond: slowBySecond, maxBySecond },
  };
}

process.once('message', async (job: CannonJob) => {
  try {
    const started = Date.now();
    measureFrom = started + job.warmup * 1000;
    // Tell the parent when the measured window opens, so its server-side probes cover the same window.
    const timer = setTimeout(() => process.send!({ phase: 'measure' }), Math.max(0, measureFrom - Date.now()));
    await run(options(job));
    clearTimeout(timer);
    process.send!({ ok: true, summary: summarize(job) });
  } catch (err) {
    process.send!({ ok: false, error: String((err as Error)?.stack ?? err) });
  }
});
