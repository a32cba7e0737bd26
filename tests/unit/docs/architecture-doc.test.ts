// docs/architecture.md must describe the code as it is: every source folder is named in it,
// and its layer table is the one the lint rule enforces.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYERS } from '../../../build/eslint-layers.mjs';
import { repoRoot } from '../../support/shared-data';

const doc = readFileSync(join(repoRoot, 'docs', 'architecture.md'), 'utf8');
const ROOTS = ['main', 'preload', 'renderer/src'];

/** Every folder at or under `rel` (paths relative to the repository, '/'-separated). */
function foldersUnder(rel: string): string[] {
  const found = [rel];
  for (const entry of readdirSync(join(repoRoot, rel), { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'node_modules') {
      found.push(...foldersUnder(`${rel}/${entry.name}`));
    }
  }
  return found;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the doc names `folder` as a path: in full, or from inside main/. */
function named(folder: string): boolean {
  const spellings = [`${folder}/`];
  if (folder.startsWith('main/')) spellings.push(`${folder.slice('main/'.length)}/`);
  // Not preceded by a path character, so `api/` inside `renderer/src/api/` does not count.
  return spellings.some((s) => new RegExp(`(?<![\\w./-])${escape(s)}`).test(doc));
}

/** The rows of the markdown table under the "## Layers" heading, as cells without backticks. */
function layerTableRows(): string[][] {
  const section = doc.split(/^## /m).find((s) => s.startsWith('Layers\n'));
  if (!section) throw new Error('docs/architecture.md has no "## Layers" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.replaceAll('`', '').trim()),
    )
    .slice(2); // header and separator
}

const list = (cell: string | undefined): string[] =>
  cell === undefined || cell === '—' ? [] : cell.split(',').map((s) => s.trim());

describe('docs/architecture.md', () => {
  it('names every folder under main/, preload/ and renderer/src/', () => {
    const folders = ROOTS.flatMap(foldersUnder);
    expect(folders.length).toBeGreaterThan(ROOTS.length);
    const missing = folders.filter((f) => !named(f));
    expect(missing, `folders not named in docs/architecture.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('has the layer table the lint rule enforces', () => {
    const documented = layerTableRows().map(([name, paths, mayImport]) => ({
      name,
      paths: list(paths),
      mayImport: list(mayImport),
    }));
    const enforced = LAYERS.map(({ name, paths, mayImport }) => ({ name, paths, mayImport }));
    expect(documented).toEqual(enforced);
  });
});
