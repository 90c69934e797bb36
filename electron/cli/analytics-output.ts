// Prints an analytics summary for organizers at a terminal: the numbers first, then what was left out.
import type { AnalyticsSummary } from '../core/analytics/summary';
import type { CommandIo } from './io';

/** Exhibits listed in the text output; `--json` has all of them. */
const TOP_EXHIBITS = 10;

/**
 * A duration as people say it, to the second.
 * @example formatDuration(45_400) // '45 s'
 * @example formatDuration(125_000) // '2 min 05 s'
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const share = (part: number, whole: number): string => (whole === 0 ? '' : ` (${Math.round((part / whole) * 100)} %)`);
const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

export function printSummary(summary: AnalyticsSummary, io: CommandIo): void {
  const range = summary.from === summary.to ? summary.from : `${summary.from} to ${summary.to}`;
  io.stdout(`Visitor analytics, ${range} (${summary.days} day${summary.days === 1 ? '' : 's'}, ${summary.events} events)`);
  const ends = summary.visitEnds;
  io.stdout(`Visits: ${summary.visits} (ended: ${ends.idle} by idle timeout, ${ends.restart} by restart)`);
  io.stdout(`Median visit length: ${formatDuration(summary.medianVisitMs)}`);

  if (summary.exhibits.length === 0) {
    io.stdout('Most opened exhibits: none');
  } else {
    io.stdout('Most opened exhibits (opens, median dwell):');
    const shown = summary.exhibits.slice(0, TOP_EXHIBITS);
    const width = Math.max(...shown.map((e) => e.id.length));
    for (const exhibit of shown) io.stdout(`  ${exhibit.id.padEnd(width)}  ${String(exhibit.opens).padStart(5)}  ${formatDuration(exhibit.medianDwellMs)}`);
    if (summary.exhibits.length > TOP_EXHIBITS) io.stdout(`  … and ${summary.exhibits.length - TOP_EXHIBITS} more (--json lists all)`);
  }

  io.stdout(`Mascot taps: ${list(summary.mascotTaps.map((m) => `${m.id} ${m.taps}`))}`);
  io.stdout(`Tours started/finished: ${list(summary.tours.map((t) => `${t.kind} ${t.started}/${t.finished}`))}`);
  const switches = summary.languages.reduce((n, l) => n + l.switches, 0);
  io.stdout(`Language switches: ${list(summary.languages.map((l) => `${l.locale} ${l.switches}${share(l.switches, switches)}`))}`);
  const used = summary.accessibility.filter((a) => a.turnedOn > 0);
  io.stdout(`Accessibility modes turned on: ${list(used.map((a) => `${a.mode} ${a.turnedOn}`))}`);
  io.stdout(`QR codes shown: ${list(summary.qrShown.map((q) => `${q.id} ${q.shown}`))}`);
  if (summary.packs.length > 1) io.stdout(`Packs: ${list(summary.packs.map((p) => `${p.pack} (${p.events} events)`))}`);
  if (summary.skippedLines > 0) {
    io.stdout(`${summary.skippedLines} damaged line${summary.skippedLines === 1 ? ' was' : 's were'} skipped (a write cut short by a power cut or crash).`);
  }
}
