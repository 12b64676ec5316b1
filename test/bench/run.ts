/**
 * `npm run bench`: every benchmark in one run, one table, one JSON file (bench-results/bench-<time>.json).
 *
 *   npm run bench                          renderer (Chromium, 50,000 leads), sync (Node; PGlite, and PostgreSQL
 *                                          when BENCH_DATABASE_URL or TEST_DATABASE_URL is set), PouchDB peer
 *   npm run bench -- --smoke               the same at a few hundred documents: checks the benchmarks still work
 *   npm run bench -- --only renderer,peer  a subset (renderer | sync | peer)
 *   npm run bench -- --compare old.json    adds the figures of an earlier run (same row ids) as "before"
 *   npm run bench -- --report run.json     prints the tables of an earlier run (with --compare) without running
 *
 * Each part runs as its own process (test/bench/*.bench.ts --out <file>), so a browser or server of one part
 * never shares memory or a port with another. Exits non-zero when a part fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatRows } from './benchReport';
import type { BenchReport, BenchRow } from './benchReport';

const root = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const option = (name: string): string | undefined => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};

const parts = [
  { name: 'renderer', script: 'test/bench/renderer.bench.ts' },
  { name: 'sync', script: 'test/bench/sync.bench.ts' },
  { name: 'peer', script: 'test/bench/browserSync.bench.ts' },
] as const;

const only = option('--only')?.split(',');
const at = new Date().toISOString();
const runDir = join(root, 'bench-results', `run-${at.replace(/[:.]/g, '-')}`);

const reportPath = option('--report');
const reports: BenchReport[] = reportPath
  ? (JSON.parse(readFileSync(reportPath, 'utf8')) as { reports: BenchReport[] }).reports
  : [];
const failures: string[] = [];
for (const part of reportPath ? [] : parts) {
  if (only && !only.includes(part.name)) continue;
  const out = join(runDir, `${part.name}.json`);
  mkdirSync(runDir, { recursive: true });
  console.log(`\n=== ${part.name} (${part.script}${smoke ? ', smoke' : ''}) ===`);
  const started = Date.now();
  const result = spawnSync('npx', ['tsx', part.script, ...(smoke ? ['--smoke'] : []), '--out', out], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  console.log(
    `=== ${part.name}: ${result.status === 0 ? 'done' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (result.status !== 0) {
    failures.push(part.name);
    continue;
  }
  reports.push(JSON.parse(readFileSync(out, 'utf8')) as BenchReport);
}

const rows: BenchRow[] = reports.flatMap((report) => report.rows);
const comparePath = option('--compare');
const before = new Map<string, BenchRow>();
if (comparePath) {
  const previous = JSON.parse(readFileSync(comparePath, 'utf8')) as { rows?: BenchRow[] } & BenchReport;
  for (const row of previous.rows ?? []) before.set(row.id, row);
}

console.log(`\nAll results${smoke ? ' (smoke)' : ''}, ${at}\n${formatRows(rows)}`);
if (before.size > 0) {
  const lines = rows.map((row) => {
    const old = before.get(row.id);
    return `| ${row.backend ? `[${row.backend}] ` : ''}${row.operation} | ${old ? `${old.ours} ${old.unit}` : '-'} | ${old?.ratio ?? '-'}${old?.ratio !== undefined && old?.ratio !== null ? 'x' : ''} | ${row.ours} ${row.unit} | ${row.baseline ?? '-'}${row.baseline === null ? '' : ` ${row.unit}`} | ${row.ratio ?? '-'}${row.ratio === null ? '' : 'x'} | ${row.target ?? ''} ${row.met === undefined ? '' : row.met ? '(met)' : '(missed)'} |`;
  });
  console.log(
    `\nBefore / after (markdown)\n| operation | before | ratio before | after | raw baseline (after run) | ratio after | target |\n|---|---|---|---|---|---|---|\n${lines.join('\n')}`,
  );
}
const missed = rows.filter((row) => row.met === false);
console.log(
  `\nTargets: ${rows.filter((row) => row.met === true).length} met, ${missed.length} missed${missed.length ? `: ${missed.map((row) => row.id).join(', ')}` : ''}`,
);
if (!reportPath) {
  const file = join(root, 'bench-results', `bench-${at.replace(/[:.]/g, '-')}.json`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ bench: 'all', smoke, at, rows, reports }, null, 2)}\n`);
  console.log(`Written ${file}`);
}
if (failures.length > 0) {
  console.error(`Failed: ${failures.join(', ')}`);
  process.exit(1);
}
