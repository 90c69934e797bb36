// Prints a pack report for people (one line per problem) or as JSON for scripts.
import type { PackReport } from '../shared/pack-types';
import type { CommandIo } from './io';

export function printReport(report: PackReport, io: CommandIo, json: boolean, extra: Record<string, unknown> = {}): void {
  if (json) {
    io.stdout(JSON.stringify({ ok: report.ok, errors: report.errors, warnings: report.warnings, stats: report.stats, ...extra }, null, 2));
    return;
  }
  const { stats } = report;
  const name = stats.id ? `${stats.id} ${stats.version ?? ''}`.trim() : 'The pack';
  const signed = stats.signedBy === undefined ? '' : stats.signedBy === null ? ', unsigned' : `, signed by key ${stats.signedBy}`;
  io.stdout(`${name}: ${stats.files} files, ${formatBytes(stats.bytes)}${signed}.`);
  for (const warning of report.warnings) io.stdout(`warning ${warning.path}: ${warning.message}`);
  for (const error of report.errors) io.stderr(`${error.code}${error.path ? ` ${error.path}` : ''}: ${error.message}`);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
