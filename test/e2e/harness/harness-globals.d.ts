// Types of what the harness pages expose on window, for the specs' page.evaluate code.
/// <reference types="vite/client" />
import type { AudioDirector } from '../../../renderer/src/audio/audio-director';
import type { NarrationEnd } from '../../../renderer/src/audio/audio-types';

export interface RecordedHowlEvent {
  readonly src: string;
  readonly event: string;
  readonly id: number;
}

export interface AudioHarness {
  readonly director: AudioDirector;
  /** Every event every Howl fired, in order (recorded beside the director's own listeners). */
  readonly events: RecordedHowlEvent[];
  readonly narrationEnds: NarrationEnd[];
  /** Howler's own registry of live Howls (`Howler._howls.length`). */
  howlCount(): number;
  /** Group volume of the live Howl playing `src`, from howler itself; null when there is none. */
  howlVolume(src: string): number | null;
  masterVolume(): number;
}

export interface KeyboardHarness {
  readonly inputs: string[];
  readonly submits: string[];
  cancels: number;
}

/** The same surface drawn by a three.js material (expected) and the hall's cheaper stand-in (actual): RGB bytes. */
export interface MaterialPair {
  readonly name: string;
  readonly expected: number[];
  readonly actual: number[];
}

export interface MaterialsHarness {
  pairs(): MaterialPair[];
  /** Shader errors of the vertex-lit material's variants (skinned + morphs, RGB/RGBA colours, sides). */
  variantErrors(): string[];
}

declare global {
  interface Window {
    materialsHarness?: MaterialsHarness;
    audioHarness?: AudioHarness;
    keyboardHarness?: KeyboardHarness;
  }
}
