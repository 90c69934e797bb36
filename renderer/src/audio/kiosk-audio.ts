// The app's audio director on real howler, and the Svelte context that hands it (and per-screen scopes) to components.
import { getContext, onDestroy, setContext } from 'svelte';
import { AudioDirector } from './audio-director';
import type { AudioDirectorOptions, AudioScope } from './audio-types';
import { howlerBackend } from './howler-backend';

const CONTEXT_KEY = Symbol('sunrise:audio-director');

/** One per app (App.svelte): Web Audio, master volume from the `audio.volume` setting. Dispose it on unmount. */
export function createKioskAudio(options: Omit<AudioDirectorOptions, 'backend'> = {}): AudioDirector {
  return new AudioDirector({ ...options, backend: howlerBackend() });
}

/** Makes `director` available to every component below the caller. Call during component initialisation. */
export function provideAudio(director: AudioDirector): void {
  setContext(CONTEXT_KEY, director);
}

/** The director provided above; throws when none was (a wiring mistake, not an audio failure). */
export function useAudio(): AudioDirector {
  const director = getContext<AudioDirector | undefined>(CONTEXT_KEY);
  if (!director) throw new Error('No audio director: call provideAudio(createKioskAudio()) in App.svelte');
  return director;
}

/**
 * A scope owned by the calling component: every sound it starts is unloaded when the component is
 * destroyed. Call during component initialisation, e.g. `const audio = useAudioScope('exhibit-panel')`.
 */
export function useAudioScope(name: string): AudioScope {
  const scope = useAudio().scope(name);
  onDestroy(() => scope.release());
  return scope;
}
