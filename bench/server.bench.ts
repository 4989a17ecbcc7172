// The API against a bare Fastify route serving the same payload, both over loopback with autocannon at
// 100 connections, and a bulk insert of 100,000 evidence entries into a fresh workspace.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { serve } from './serve.js';
import { Workspace } from '../src/store/workspace.js';

const CONNECTIONS = 100;
const SECONDS = 3;

const offerFile = {
  offers: [
    {
      name: 'Bigco',
      base: 145000,
      bonus: { target: 0.15 },
      equity: [{ type: 'rsu', shares: 50, price: 2000, vesting: 'amazon' }],
    },
    { name: 'Seedling', base: 160000 },
  ],
};

interface Load {
  rps: number;
  p99: number;
}

async function load(url: string, init: { method?: 'GET' | 'POST'; body?: string } = {}): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: init.method ?? 'GET',
    ...(init.body === undefined ? {} : { body: init.body, headers: { 'content-type': 'application/json' } }),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

function row(name: string, subject: Load, baseline: Load): void {
  const ratio = baseline.rps / subject.rps;
  console.log(
    `  ${name.padEnd(26)} ${subject.rps.toFixed(0).padStart(7)} req/s  p99 ${String(subject.p99).padStart(4)} ms` +
      `   bare ${baseline.rps.toFixed(0).padStart(7)} req/s  p99 ${String(baseline.p99).padStart(4)} ms` +
      `   ratio ${ratio.toFixed(2)}×  ${ratio <= 1.5 ? 'meets' : 'MISSES'} target ≤ 1.5×`,
  );
}

export default async function bench(): Promise<void> {
  const trellis = await serve(['trellis']);
  const frameworkBytes = await (await fetch(`${trellis.url}/api/framework`)).text();
  const bare = await serve(['bare', frameworkBytes]);
  const compareBody = JSON.stringify({ file: offerFile });
  try {
    console.log(`  ${CONNECTIONS} connections, ${SECONDS} s each, loopback, each server in its own process`);
    row(
      'GET /api/framework',
      await load(`${trellis.url}/api/framework`),
      await load(`${bare.url}/framework`),
    );
    row(
      'POST /api/offers/compare',
      await load(`${trellis.url}/api/offers/compare`, { method: 'POST', body: compareBody }),
      await load(`${bare.url}/compare`, { method: 'POST', body: compareBody }),
    );
  } finally {
    await bare.stop();
    await trellis.stop();
  }

  const dir = join(tmpdir(), `trellis-bench-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const workspace = await Workspace.open(join(dir, 'trellis.sqlite'));
  try {
    const { framework } = await workspace.activeFramework();
    const entries = Array.from({ length: 100_000 }, (_, i) => ({
      date: `20${String(10 + (i % 16)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      title: `Entry ${i}`,
      scope: 'team',
      competencies: ['debugging'],
    }));
    const started = performance.now();
    await workspace.evidence.createMany(entries, framework);
    const ms = performance.now() - started;
    console.log(
      `  bulk insert of 100,000 evidence entries ${ms.toFixed(0).padStart(6)} ms  (validated, one transaction)  ${ms < 5000 ? 'meets' : 'MISSES'} target < 5000 ms`,
    );
  } finally {
    await workspace.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
