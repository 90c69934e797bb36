// Checks zip structure the central directory alone cannot vouch for: local headers and overlapping data.
import type { FileHandle } from 'node:fs/promises';
import { problem } from '../problems';
import type { PackProblem } from '../problems';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
/** Local headers read at once: enough to keep a slow stick busy without a burst of reads. */
const READ_BATCH = 16;

/** One central-directory record, as far as the structure checks need it. */
export interface ZipRecord {
  /** The decoded name, for messages. */
  readonly label: string;
  readonly nameRaw: Uint8Array;
  readonly localHeaderOffset: number;
  readonly compressedSize: number;
  readonly compressionMethod: number;
}

interface Span {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Reads each record's local header from the file (never trusting the central directory for its
 * lengths) and checks that the headers agree with the directory and that no two entries' bytes,
 * and no entry and the directory, overlap. Overlap is how non-recursive zip bombs (Fifield 2019,
 * including the "quoted overlap" kind) make a few kB expand to gigabytes; no honest archiver does it.
 * `directoryStart` is where the central directory begins; everything from there to the end of the
 * file is directory and end records.
 */
export async function checkZipStructure(handle: FileHandle, fileSize: number, directoryStart: number, records: readonly ZipRecord[]): Promise<PackProblem[]> {
  const problems: PackProblem[] = [];
  const spans: Span[] = [];
  for (let i = 0; i < records.length; i += READ_BATCH) {
    const batch = records.slice(i, i + READ_BATCH);
    const results = await Promise.all(batch.map((record) => readSpan(handle, fileSize, record)));
    for (const result of results) {
      if (result.problem) problems.push(result.problem);
      if (result.span) spans.push(result.span);
    }
  }
  problems.push(...findOverlaps(spans, directoryStart, fileSize));
  return problems;
}

interface HeaderCheck {
  readonly problem?: PackProblem;
  /** The bytes the entry really covers, when its local header could be read. */
  readonly span?: Span;
}

async function readSpan(handle: FileHandle, fileSize: number, record: ZipRecord): Promise<HeaderCheck> {
  const { label } = record;
  const damaged = (what: string): PackProblem => problem('PACK_E_ZIP', label, `${label}: ${what} The zip is damaged or was made to trick unzip tools; make it again.`);
  const wanted = LOCAL_HEADER_BYTES + record.nameRaw.length;
  if (record.localHeaderOffset + wanted > fileSize) return { problem: damaged('its local header lies past the end of the file (a truncated zip?).') };
  const header = Buffer.alloc(wanted);
  const { bytesRead } = await handle.read(header, 0, wanted, record.localHeaderOffset);
  if (bytesRead < wanted) return { problem: damaged('its local header is cut short (a truncated zip?).') };
  if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) return { problem: damaged('there is no local header where the directory says the entry starts.') };
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const end = record.localHeaderOffset + LOCAL_HEADER_BYTES + nameLength + extraLength + record.compressedSize;
  if (end > fileSize) return { problem: damaged('its data runs past the end of the file (a truncated zip?).') };
  const span = { label, start: record.localHeaderOffset, end };
  // A different name here than in the directory lets two zip readers see two different packs. The
  // span still counts: a full-overlap bomb points many directory records at one local header.
  if (nameLength !== record.nameRaw.length || !header.subarray(LOCAL_HEADER_BYTES).equals(record.nameRaw)) {
    return { span, problem: damaged('its local header gives a different name than the central directory.') };
  }
  if (header.readUInt16LE(8) !== record.compressionMethod) return { span, problem: damaged('its local header gives a different compression method than the central directory.') };
  return { span };
}

function findOverlaps(spans: Span[], directoryStart: number, fileSize: number): PackProblem[] {
  const problems: PackProblem[] = [];
  const bomb = 'a zip bomb builds files out of shared bytes this way';
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  // The entry reaching furthest so far: a later entry starting before its end overlaps it, even if
  // it is not the entry just before (one entry can contain several others).
  let furthest: Span | undefined;
  for (const span of spans) {
    if (furthest && span.start < furthest.end) {
      problems.push(problem('PACK_E_OVERLAP', span.label, `${span.label} shares bytes with ${furthest.label}; ${bomb}.`));
    } else if (span.start < fileSize && span.end > directoryStart) {
      problems.push(problem('PACK_E_OVERLAP', span.label, `${span.label} shares bytes with the zip's central directory; ${bomb}.`));
    }
    if (!furthest || span.end > furthest.end) furthest = span;
  }
  return problems;
}
