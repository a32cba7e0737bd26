// Feeds the project's ESLint config one allowed and one forbidden import per layer, so the
// layering rule is shown to pass what the table allows and to fail what it does not.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { LAYERS } from '../../../build/eslint-layers.mjs';
import { repoRoot } from '../../support/shared-data';

const RULE = 'layers/code-layering';
const eslint = new ESLint({ cwd: repoRoot });

interface Case {
  layer: string;
  file: string;
  code: string;
}

/** The layering messages ESLint gives `code` as if it were the file `file`. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal[0]?.message}`);
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

/** An absolute import specifier for a project path. */
const absolute = (rel: string): string => join(repoRoot, rel).replaceAll('\\', '/');

const forbidden: Case[] = [
  {
    layer: 'contract',
    file: 'main/contract/x.ts',
    code: `import type { LibraryEngine } from '../core/engine';`,
  },
  {
    layer: 'contract',
    file: 'main/contract/x.ts',
    code: `import { readFileSync } from 'node:fs';`,
  },
  {
    layer: 'core',
    file: 'main/core/x.ts',
    code: `import { createHandlers } from '../api/handlers';`,
  },
  { layer: 'core', file: 'main/core/library/x.ts', code: `import { app } from 'electron';` },
  { layer: 'api', file: 'main/api/x.ts', code: `import { startApp } from '../shell/start-app';` },
  { layer: 'api', file: 'main/api/x.ts', code: `import { runCli } from '../cli/run';` },
  {
    layer: 'cli',
    file: 'main/cli/commands/x.ts',
    code: `import { dispatch } from '../../api/dispatch';`,
  },
  { layer: 'cli', file: 'main/cli/x.ts', code: `import { ipcMain } from 'electron/main';` },
  { layer: 'shell', file: 'main/shell/x.ts', code: `import { runCli } from '../cli/run';` },
  {
    layer: 'shell',
    file: 'main/shell/x.ts',
    code: `import { App } from '../../renderer/src/app/App';`,
  },
  { layer: 'entry', file: 'main/index.ts', code: `import { dispatch } from './api/dispatch';` },
  { layer: 'entry', file: 'main/index.ts', code: `import { app } from 'electron';` },
  {
    layer: 'preload',
    file: 'preload/x.ts',
    code: `import type { LibraryEngine } from '../main/core/engine';`,
  },
  { layer: 'preload', file: 'preload/x.ts', code: `import { readFileSync } from 'node:fs';` },
  // Type-only: the renderer must typecheck against the contract alone.
  {
    layer: 'renderer',
    file: 'renderer/src/list/x.tsx',
    code: `import type { LibraryEngine } from '../../../main/core/engine';`,
  },
  { layer: 'renderer', file: 'renderer/src/x.ts', code: `import { join } from 'node:path';` },
  {
    layer: 'renderer',
    file: 'renderer/src/app/x.ts',
    code: `import { ipcRenderer } from 'electron';`,
  },
  {
    layer: 'renderer',
    file: 'renderer/src/app/x.ts',
    code: `import { handlers } from '${absolute('main/api/handlers')}';`,
  },
];

const allowed: Case[] = [
  {
    layer: 'contract',
    file: 'main/contract/x.ts',
    code: `import { z } from 'zod';\nimport type { Settings } from './settings';`,
  },
  {
    layer: 'core',
    file: 'main/core/search/query/x.ts',
    code: `import type { ArticleMeta } from '../../../contract/types';\nimport { readFile } from 'node:fs/promises';\nimport lunr from 'lunr';`,
  },
  {
    layer: 'api',
    file: 'main/api/x.ts',
    code: `import type { LibraryEngine } from '../core/engine';\nimport { apiSchemas } from '../contract/api-schemas';\nimport http from 'node:http';`,
  },
  {
    layer: 'cli',
    file: 'main/cli/commands/x.ts',
    code: `import { openLibrary } from '../../core/library';\nimport type { Settings } from '../../contract/settings';`,
  },
  {
    layer: 'shell',
    file: 'main/shell/x.ts',
    code: `import { app } from 'electron';\nimport { dispatch } from '../api/dispatch';\nimport { raiseIoThreads } from '../core/io-threads';`,
  },
  {
    layer: 'entry',
    file: 'main/index.ts',
    code: `import { raiseIoThreads } from './core/io-threads';\nimport { startApp } from './shell/start-app';`,
  },
  {
    layer: 'preload',
    file: 'preload/x.ts',
    code: `import { contextBridge } from 'electron';\nimport type { ApiMethod } from '../main/contract/api-contract';\nimport { x } from './bridge';`,
  },
  {
    layer: 'renderer',
    file: 'renderer/src/list/x.tsx',
    code: `import { useState } from 'react';\nimport type { ArticleView } from '../../../main/contract/types';\nimport { plural } from '../shared/format';\nimport './list.css';`,
  },
];

describe('layering lint rule', () => {
  it('has a forbidden and an allowed case for every layer in the table', () => {
    const names = LAYERS.map((l) => l.name).sort();
    expect([...new Set(forbidden.map((c) => c.layer))].sort()).toEqual(names);
    expect([...new Set(allowed.map((c) => c.layer))].sort()).toEqual(names);
  });

  it.each(forbidden)('$layer: $file rejects $code', async ({ layer, file, code }) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`Layer '${layer}' may not import`);
  });

  it.each(allowed)('$layer: $file accepts $code', async ({ file, code }) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('checks re-exports, dynamic imports, require and import types', async () => {
    const file = 'renderer/src/app/x.ts';
    const engine = '../../../main/core/engine';
    const forms = [
      `export * from '${engine}';`,
      `export { openLibrary } from '${engine}';`,
      `export const load = () => import('${engine}');`,
      `export const e = require('${engine}');`,
      `export type E = import('${engine}').LibraryEngine;`,
      `import e = require('${engine}');\nexport { e };`,
    ];
    for (const code of forms) expect(await layeringErrors(file, code), code).toHaveLength(1);
  });

  it('reports a source file under main/ that belongs to no layer', async () => {
    const errors = await layeringErrors('main/stray.ts', `export const x = 1;`);
    expect(errors).toEqual([expect.stringContaining('is in no layer')]);
  });

  it('leaves tests, scripts and build files unlayered', async () => {
    const code = `import { app } from 'electron';\nimport { startApp } from '../../main/shell/start-app';`;
    expect(await layeringErrors('tests/unit/x.test.ts', code)).toEqual([]);
    expect(await layeringErrors('build/x.mjs', code)).toEqual([]);
    expect(
      await layeringErrors(
        'renderer/src/list/x.test.tsx',
        `import { readFileSync } from 'node:fs';`,
      ),
    ).toEqual([]);
  });
});
