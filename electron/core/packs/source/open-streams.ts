// The entry streams a pack source has handed out, so closing the source ends every one of them.
import type { Readable } from 'node:stream';
import { problem } from '../problems';
import { cancelledError } from './entry-stream';
import { PackStreamError } from './pack-source';

export class OpenStreams {
  readonly #streams = new Set<Readable>();
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  /** The error for reading `path` after the source was closed. */
  closedError(path: string): PackStreamError {
    return new PackStreamError(problem('PACK_E_IO', path, `${path} cannot be read: the pack was already closed.`));
  }

  /** Remembers `stream` until it closes; pass `forget` as the checked stream's `onClose`. */
  add(stream: Readable): Readable {
    this.#streams.add(stream);
    return stream;
  }

  forget(stream: Readable): void {
    this.#streams.delete(stream);
  }

  /** Ends every open stream as cancelled; returns false when already closed. */
  closeAll(): boolean {
    if (this.#closed) return false;
    this.#closed = true;
    for (const stream of this.#streams) stream.destroy(cancelledError(''));
    return true;
  }
}
