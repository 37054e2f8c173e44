/**
 * Load measurement: each scenario runs autocannon in a child process (bench/cannon.ts): one run of
 * warm-up + measured seconds on the same connections, statistics from the measured window only.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';

export type CannonJob = {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
  warmup: number;
  rotateLogin?: { emails: string[]; password: string };
};

export type CannonSummary = {
  requestsPerSec: number;
  requestsTotal: number;
  latency: { avg: number; p50: number; p90: number; p99: number; max: number };
  throughputBytesPerSec: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationSec: number;
  /** Responses slower than thresholdMs, and the slowest response, per second of the measured run. */
  slow?: { thresholdMs: number; bySecond: Record<string, number>; maxBySecond: Record<string, number> };
  /**
   * The servers' side of the measured run (they share this process): Node CPU time per
   * request, whole-machine CPU busy %, event-loop delay and time spent in GC.
   */
  server?: { cpuMsPerRequest: number; machineBusyPct: number | null; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number; gcMs: number };
};

export type Scenario = {
  name: string;
  connections: number;
  /** For a single run, that run; for repeated runs, req/s and p50/p90/avg averaged, p99/max the worst. */
  summary: CannonSummary;
  /** Every measured run, in order (more than one for the interleaved app/floor pair). */
  runs: CannonSummary[];
  /** Machine state just before the run: 1-min load average and CPU busy % while the bench was idle. */
  background: { loadavg1: number; cpuBusyPct: number | null };
};

const here = path.dirname(fileURLToPath(import.meta.url));

export function cannon(job: CannonJob): Promise<CannonSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'cannon.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done = false;
    let probe: ReturnType<typeof startProbe> | null = null;
    child.on('message', (msg: any) => {
      if (msg.phase === 'measure') {
        probe = startProbe();
        return;
      }
      done = true;
      const server = probe?.stop(msg.summary?.requestsTotal ?? 0);
      child.disconnect();
      if (msg.ok) resolve({ ...msg.summary, server });
      else reject(new Error(`autocannon failed: ${msg.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!done) reject(new Error(`autocannon child exited with ${code}`));
    });
    child.send(job);
  });
}

function startProbe() {
  const cpu0 = process.cpuUsage();
  const machine0 = cpuTimes();
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  return {
    stop(requests: number): NonNullable<CannonSummary['server']> {
      const cpu = process.cpuUsage(cpu0);
      const machine1 = cpuTimes();
      eld.disable();
      gc.disconnect();
      const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
      return {
        cpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / Math.max(1, requests), 3),
        machineBusyPct: machine0 && machine1 && machine1.total > machine0.total ? round(((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * 100, 1) : null,
        eventLoopDelayP99Ms: round(eld.percentile(99) / 1e6),
        eventLoopDelayMaxMs: round(eld.max / 1e6),
        gcMs: round(gcMs, 0),
      };
    },
  };
}

function cpuTimes(): { busy: number; total: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Whole-machine CPU busy % over `ms` while the benchmark itself is idle: other work on the host
 * (other processes, a busy PostgreSQL) that the measured run will compete with.
 */
export async function backgroundLoad(ms = 1000): Promise<Scenario['background']> {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  const cpuBusyPct = a && b && b.total > a.total ? Math.round(((b.busy - a.busy) / (b.total - a.total)) * 1000) / 10 : null;
  return { loadavg1: Math.round(os.loadavg()[0] * 100) / 100, cpuBusyPct };
}

export async function scenario(name: string, job: CannonJob, log: (m: string) => void): Promise<Scenario> {
  const background = await backgroundLoad();
  log(`  ${name}: ${job.connections} connection${job.connections === 1 ? '' : 's'}, ${job.warmup} s warm-up + ${job.duration} s (background CPU ${background.cpuBusyPct ?? '?'} %, load ${background.loadavg1}) …`);
  const summary = await cannon(job);
  const bad = summary.non2xx + summary.errors + summary.timeouts;
  const slowSecs = Object.entries(summary.slow?.bySecond ?? {});
  log(
    `    ${summary.requestsPerSec.toFixed(1)} req/s, p50 ${summary.latency.p50} ms, p99 ${summary.latency.p99} ms` +
      (summary.server ? ` | server: ${summary.server.cpuMsPerRequest} ms CPU/req, machine ${summary.server.machineBusyPct ?? '?'} % busy, event-loop delay p99 ${summary.server.eventLoopDelayP99Ms} ms, GC ${summary.server.gcMs} ms` : '') +
      (slowSecs.length ? `\n    slow (> ${summary.slow!.thresholdMs} ms) by second: ${slowSecs.map(([k, n]) => `${k}s:${n}`).join(' ')}` : '') +
      (bad ? `  (!) non-2xx ${summary.non2xx}, errors ${summary.errors}, timeouts ${summary.timeouts} ${JSON.stringify(summary.statusCodes)}` : ''),
  );
  return { name, connections: job.connections, summary, runs: [summary], background };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function combine(runs: CannonSummary[]): CannonSummary {
  const sum = (f: (s: CannonSummary) => number) => runs.reduce((a, s) => a + f(s), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statusCodes)) statusCodes[k] = (statusCodes[k] ?? 0) + v;
  return {
    requestsPerSec: mean(runs.map((s) => s.requestsPerSec)),
    requestsTotal: sum((s) => s.requestsTotal),
    latency: {
      avg: mean(runs.map((s) => s.latency.avg)),
      p50: Math.round(mean(runs.map((s) => s.latency.p50))),
      p90: Math.round(mean(runs.map((s) => s.latency.p90))),
      p99: Math.max(...runs.map((s) => s.latency.p99)),
      max: Math.max(...runs.map((s) => s.latency.max)),
    },
    throughputBytesPerSec: mean(runs.map((s) => s.throughputBytesPerSec)),
    non2xx: sum((s) => s.non2xx),
    errors: sum((s) => s.errors),
    timeouts: sum((s) => s.timeouts),
    statusCodes,
    durationSec: sum((s) => s.durationSec),
    server: runs.every((s) => s.server)
      ? {
          cpuMsPerRequest: mean(runs.map((s) => s.server!.cpuMsPerRequest)),
          machineBusyPct: runs.every((s) => s.server!.machineBusyPct !== null) ? mean(runs.map((s) => s.server!.machineBusyPct!)) : null,
          eventLoopDelayP99Ms: Math.max(...runs.map((s) => s.server!.eventLoopDelayP99Ms)),
          eventLoopDelayMaxMs: Math.max(...runs.map((s) => s.server!.eventLoopDelayMaxMs)),
          gcMs: sum((s) => s.server!.gcMs),
        }
      : undefined,
  };
}

/**
 * Two scenarios measured A B B A, so that a change in background load on a shared machine
 * hits both alike; each gets its own warm-up every time.
 */
export async function interleaved(a: [string, CannonJob], b: [string, CannonJob], log: (m: string) => void): Promise<[Scenario, Scenario]> {
  const runs: Record<string, Scenario[]> = { [a[0]]: [], [b[0]]: [] };
  for (const [name, job] of [a, b, b, a]) runs[name].push(await scenario(name, job, log));
  const merge = (name: string): Scenario => {
    const xs = runs[name];
    const summaries = xs.map((x) => x.summary);
    const bg = xs.map((x) => x.background);
    const busy = bg.map((x) => x.cpuBusyPct).filter((x): x is number => x !== null);
    return {
      ...xs[0],
      summary: combine(summaries),
      runs: summaries,
      background: { loadavg1: Math.round(mean(bg.map((x) => x.loadavg1)) * 100) / 100, cpuBusyPct: busy.length ? Math.round(mean(busy) * 10) / 10 : null },
    };
  };
  return [merge(a[0]), merge(b[0])];
}
