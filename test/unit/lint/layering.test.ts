// The layering lint rule fires on each forbidden import of architecture.md and stays quiet on allowed ones.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** Lints a fixture's text as if it lived at `virtualPath`, returning the layering messages. */
async function layeringErrors(fixture: string, virtualPath: string): Promise<string[]> {
  const code = await readFile(new URL(`../../fixtures/layering/${fixture}`, import.meta.url), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${virtualPath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'sunrise/layering').map((m) => m.message);
}

describe('sunrise/layering', () => {
  it.each([
    ['renderer-imports-core.ts', 'renderer/src/fixture.ts', /renderer may import only renderer, electron\/shared, and this is electron\/core/],
    ['renderer-imports-node.ts', 'renderer/src/fixture.ts', /renderer may not use Node built-ins/],
    ['core-imports-electron.ts', 'electron/core/fixture.ts', /electron\/core must not import electron/],
    ['host-imports-electron.ts', 'electron/host/fixture.ts', /electron\/host must not import electron/],
    ['shared-imports-node.ts', 'electron/shared/fixture.ts', /electron\/shared may not use Node built-ins/],
    ['cli-imports-main.ts', 'electron/cli/fixture.ts', /nothing outside electron\/main may import electron\/main/],
  ])('refuses %s', async (fixture, virtualPath, expected) => {
    const errors = await layeringErrors(fixture, virtualPath);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it('allows the renderer to import the shared contract', async () => {
    await expect(layeringErrors('renderer-imports-shared.ts', 'renderer/src/fixture.ts')).resolves.toEqual([]);
  });

  it('refuses the shared contract importing any package but zod', async () => {
    const [result] = await eslint.lintText("import { z } from 'zod';\nimport three from 'three';\nexport const a = [z, three];\n", {
      filePath: `${ROOT}electron/shared/fixture.ts`,
    });
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'sunrise/layering').map((m) => m.message);
    expect(messages).toEqual([expect.stringMatching(/may import only zod npm packages, not three/)]);
  });
});
