// Runs espeak-ng: checks it and its voices are installed, and speaks one short text to 16-bit PCM.
import { execFile } from 'node:child_process';
import { parseWav, type Pcm16 } from './wav';

/** The two voices narration uses: English, and Mandarin read from pinyin with tone numbers. */
export const VOICES = {
  en: { name: 'en-us', wordsPerMinute: 150 },
  // espeak's `cmn` voice reads hanzi poorly; `cmn-latn-pinyin` reads "ni3 hao3" well. A "word" is a syllable.
  zh: { name: 'cmn-latn-pinyin', wordsPerMinute: 165 },
} as const;
export type VoiceKey = keyof typeof VOICES;

const INSTALL_HINT = 'Install it with: sudo apt-get install -y espeak-ng';

interface RunResult {
  readonly stdout: Buffer;
  readonly stderr: string;
}

function run(args: readonly string[], input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile('espeak-ng', args, { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(new Error(missing ? `Narration needs espeak-ng, which is not installed (or not on PATH). ${INSTALL_HINT}` : `espeak-ng ${args.join(' ')} failed: ${stderr.toString().trim() || error.message}`));
      } else resolve({ stdout, stderr: stderr.toString() });
    });
    child.stdin?.on('error', () => undefined); // a failed start is reported by the callback above
    child.stdin?.end(input ?? '');
  });
}

let checked: Promise<string> | undefined;

/** The espeak-ng version ("1.51"), after checking that both voices exist; fails with what to install. */
export function checkEspeak(): Promise<string> {
  checked ??= (async () => {
    const version = (await run(['--version'])).stdout.toString();
    const match = /text-to-speech:\s*(\S+)/.exec(version);
    // `--voices` lists one voice a line: priority, language, gender, name, file.
    const languages = new Set((await run(['--voices'])).stdout.toString().split('\n').map((line) => line.trim().split(/\s+/)[1]));
    const missing = Object.values(VOICES).map((voice) => voice.name).filter((name) => !languages.has(name));
    if (missing.length) throw new Error(`espeak-ng ${match?.[1] ?? ''} has no voice ${missing.join(', ')}; narration needs espeak-ng's full voice data. ${INSTALL_HINT}`);
    return match?.[1] ?? 'unknown';
  })();
  const result = checked;
  result.catch(() => (checked = undefined)); // a later call, after installing, checks again
  return result;
}

/** Speaks `text` (UTF-8, read from stdin so no text is ever taken for an option) in one voice. */
export async function speak(text: string, voice: VoiceKey): Promise<Pcm16> {
  const { name, wordsPerMinute } = VOICES[voice];
  const { stdout } = await run(['-v', name, '-s', String(wordsPerMinute), '-b', '1', '--stdout', '--stdin'], text);
  return parseWav(stdout);
}
