// Prints a pack report for people (one line per problem) or as JSON for scripts.
import type { PackReport, SceneStats } from '../shared/pack-types';
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
  if (stats.scene) io.stdout(formatScene(stats.scene));
  for (const warning of report.warnings) io.stdout(`warning${warning.path ? ` ${warning.path}` : ''}: ${warning.message}`);
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

/** "scene: 12,345 triangles in 3 models, 8 materials, 24 textures (~96 MiB), largest 2048×2048 images/a.png". */
export function formatScene(scene: SceneStats): string {
  const n = (value: number): string => value.toLocaleString('en-US');
  const plural = (value: number, word: string): string => `${n(value)} ${word}${value === 1 ? '' : 's'}`;
  const largest = scene.largestTexture ? `, largest ${scene.largestTexture.width}×${scene.largestTexture.height} ${scene.largestTexture.path}` : '';
  return `scene: ${plural(scene.triangles, 'triangle')} in ${plural(scene.models, 'model')}, ${plural(scene.materials, 'material')}, ${plural(scene.textures, 'texture')} (~${formatBytes(scene.textureMemoryBytes)})${largest}`;
}
