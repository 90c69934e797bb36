// The shapes synthesizeSpeech takes and returns, shared with the content build.

export type SpeechLocale = 'zh-CN' | 'en';

/** One narration: a few sentences of plain text in one language. `id` becomes part of file names. */
export interface SpeechItem {
  readonly id: string;
  readonly locale: SpeechLocale;
  readonly text: string;
}

/** What was written for one item; paths are relative to the output folder, as a pack manifest names them. */
export interface SpeechResult {
  readonly id: string;
  readonly locale: SpeechLocale;
  /** `audio/<id>.<locale>.mp3` */
  readonly audio: string;
  /** `captions/<id>.<locale>.vtt` */
  readonly captions: string;
  /** Length of the narration in seconds (to the millisecond). */
  readonly seconds: number;
  /** The speech engine and settings that produced it, e.g. "espeak-ng 1.51, voice en, 150 wpm; lamejs 40 kbps". */
  readonly engine: string;
}
