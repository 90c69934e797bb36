// Fan-out of push events (pack changed, settings changed) to every connected renderer of a host.
import type { EventChannel, EventPayload } from '../../shared/api';

export type EventListener = (channel: EventChannel, payload: unknown) => void;

export interface EventHub {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  /** Listens to every channel; returns the function that stops listening. */
  listen(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(channel, payload) {
      // Copy first: a listener may unsubscribe while we iterate.
      for (const listener of [...listeners]) listener(channel, payload);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
