/**
 * The shape every benchmark writes (`--out <file>`), so `npm run bench` (scripts/bench.mjs) can merge the parts
 * into one table and one JSON file, and two runs can be compared row by row (same `id`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type BenchUnit = 'ms' | 'MB' | 'docs/s' | 'errors';

export type BenchRow = {
  /** Stable key across runs, e.g. "renderer.search.keystroke" or "sync.pglite.initial". */
  id: string;
  /** What a person would call the operation, e.g. "search-as-you-type, per keystroke (p95)". */
  operation: string;
  /** 'renderer' (Chromium, local store), 'sync' (Node against the server), 'peer' (PouchDB comparison). */
  area: 'renderer' | 'sync' | 'peer';
  /** Database backend of the server, when it matters. */
  backend?: 'pglite' | 'postgres';
  ours: number;
  unit: BenchUnit;
  /** The raw (or peer) figure for the same result, measured in the same run; null when there is none. */
  baseline: number | null;
  /** What the baseline is, e.g. "raw IndexedDB: index cursor, first 100". */
  baselineLabel?: string;
  /**
   * ours / baseline for times and sizes (lower is better), baseline / ours for rates (docs/s), so a ratio under 1
   * always means faster than the baseline. null without a baseline.
   */
  ratio: number | null;
  /** The target as stated in issue 6, e.g. "≤ 3x raw"; absent when the row is only reported. */
  target?: string;
  /** Whether the target was met in this run; absent without a target. */
  met?: boolean;
  /** Anything a reader needs to judge the figure (sample count, documents, why a target is missed). */
  note?: string;
};

export type BenchReport = {
  bench: string;
  smoke: boolean;
  at: string;
  rows: BenchRow[];
  /** Raw figures behind the rows (samples, sizes), free-form per bench. */
  details?: unknown;
};

const round = (value: number): number =>
  Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;

/** Builds a row, computing the ratio and whether a "within N x" target was met. */
export const benchRow = (
  row: Omit<BenchRow, 'ratio' | 'met'> & { targetRatio?: number; higherIsBetter?: boolean },
): BenchRow => {
  const { targetRatio, higherIsBetter = row.unit === 'docs/s', ...rest } = row;
  // A time of 0 (below the timer's resolution) is a ratio of 0; a rate of 0 has none.
  const ratio =
    rest.baseline === null || rest.baseline === 0 || (higherIsBetter && rest.ours === 0)
      ? null
      : higherIsBetter
        ? rest.baseline / rest.ours
        : rest.ours / rest.baseline;
  return {
    ...rest,
    ours: round(rest.ours),
    baseline: rest.baseline === null ? null : round(rest.baseline),
    ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
    ...(targetRatio !== undefined && ratio !== null ? { met: ratio <= targetRatio } : {}),
  };
};

/** Nearest-rank percentile of samples (p in 0..100). */
export const percentileOf = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
};

export const formatRows = (rows: readonly BenchRow[]): string => {
  const header = ['operation', 'ours', 'baseline', 'ratio', 'target', ''];
  const lines = rows.map((row) => [
    `${row.backend ? `[${row.backend}] ` : ''}${row.operation}`,
    `${row.ours} ${row.unit}`,
    row.baseline === null
      ? '-'
      : `${row.baseline} ${row.unit}${row.baselineLabel ? ` (${row.baselineLabel})` : ''}`,
    row.ratio === null ? '-' : `${row.ratio}x`,
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...lines.map(format)].join(
    '\n',
  );
};

/** The value of `--out <file>` on the command line, if any. */
export const outArgument = (argv: readonly string[] = process.argv): string | undefined => {
  const index = argv.indexOf('--out');
  return index >= 0 ? argv[index + 1] : undefined;
};

/** Prints the rows and writes the report where `--out` says (or under bench-results/ with a timestamp). */
export const writeReport = (report: BenchReport, out = outArgument()): string => {
  console.log(`\n${report.bench}${report.smoke ? ' (smoke)' : ''}\n${formatRows(report.rows)}\n`);
  const file = out ?? `bench-results/${report.bench}-${report.at.replace(/[:.]/g, '-')}.json`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Written ${file}`);
  return file;
};
