// Audio test page: the real AudioDirector on real howler (Web Audio), with every Howl event recorded for the spec.
import { Howler } from 'howler';
import type { Howl } from 'howler';
import { AudioDirector } from '../../../renderer/src/audio/audio-director';
import type { AudioBackend, HowlEventName } from '../../../renderer/src/audio/backend';
import { howlerBackend } from '../../../renderer/src/audio/howler-backend';
import type { AudioHarness, RecordedHowlEvent } from './harness-globals';

const RECORDED: HowlEventName[] = ['load', 'loaderror', 'play', 'playerror', 'end', 'pause', 'stop'];
const events: RecordedHowlEvent[] = [];
const real = howlerBackend();
const backend: AudioBackend = {
  createHowl(spec) {
    const howl = real.createHowl(spec);
    const src = spec.src[0] ?? '';
    for (const event of RECORDED) howl.on(event, (id) => events.push({ src, event, id }));
    return howl;
  },
  setMasterVolume: (volume) => real.setMasterVolume(volume),
};

/** howler keeps these private; the spec reads them to prove what the director did to the real Howls. */
const howls = (): Howl[] => (Howler as unknown as { _howls: Howl[] })._howls;
const sourceOf = (howl: Howl): string => {
  const src = (howl as unknown as { _src: string | string[] })._src;
  return Array.isArray(src) ? (src[0] ?? '') : src;
};

const director = new AudioDirector({ backend });
const harness: AudioHarness = {
  director,
  events,
  narrationEnds: [],
  howlCount: () => howls().length,
  howlVolume: (src) => {
    const howl = howls().find((h) => sourceOf(h) === src);
    return howl ? howl.volume() : null;
  },
  masterVolume: () => Howler.volume(),
};
director.onNarrationEnd((end) => harness.narrationEnds.push(end));
window.audioHarness = harness;
