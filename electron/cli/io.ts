// The output streams a command writes to, injected so tests can read what a command printed.
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

/** Exit codes every command uses: 0 done, 1 refused (the input was wrong), 2 usage error. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;
