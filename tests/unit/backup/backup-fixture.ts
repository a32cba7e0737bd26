// Builds small libraries with every kind of state, and damaged copies of their backups.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { openLibrary } from '../../../main/core/library';
import type { LibraryEngine } from '../../../main/core/engine';
import type { ArticleMeta } from '../../../main/contract/types';
import type { ListedHighlight } from '../../../main/contract/highlights';

/** Writes `count` distinct articles (made-up words, so no two are versions of each other). */
export function writeArticleFiles(dir: string, count: number, seed = 1): string {
  mkdirSync(dir, { recursive: true });
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vo', 'ni', 'pe', 'dra', 'gul', 'fen'];
  const word = () => {
    let w = '';
    for (let i = 0, n = 2 + (next() % 3); i < n; i++) w += syllables[next() % syllables.length];
    return w;
  };
  for (let i = 0; i < count; i++) {
    const sentences: string[] = [];
    for (let s = 0; s < 6; s++) {
      const words = Array.from({ length: 8 + (next() % 8) }, word);
      sentences.push(`${words.join(' ')}.`);
    }
    const body = `${sentences.slice(0, 3).join(' ')}\n\n${sentences.slice(3).join(' ')}\n`;
    writeFileSync(join(dir, `article-${i}.txt`), `Report ${i} ${word()} ${word()}\n\n${body}`);
  }
  return dir;
}

/** A library of `count` articles with tags, states, the trash and highlights with notes. */
export async function makeLibrary(dir: string, sourceDir: string, count: number): Promise<void> {
  writeArticleFiles(sourceDir, count);
  const lib = await openLibrary(dir);
  try {
    await lib.importSources([{ path: sourceDir }]);
    const ids = (await lib.list({ limit: 5 })).items.map((a) => a.id);
    await lib.addTags([ids[0]!, ids[1]!], ['Iran', 'Économie']);
    await lib.addTags([ids[2]!], ['Iran']);
    await lib.setFavourite([ids[0]!], true);
    await lib.setRead([ids[1]!, ids[2]!], true);
    await lib.trash([ids[3]!]);
    const first = (await lib.get(ids[0]!)).body;
    await lib.addHighlight({
      id: ids[0]!,
      start: 0,
      end: Math.min(12, first.length),
      note: 'check this',
    });
    const second = (await lib.get(ids[1]!)).body;
    await lib.addHighlight({
      id: ids[1]!,
      start: 0,
      end: Math.min(8, second.length),
      color: 'blue',
    });
  } finally {
    await lib.close();
  }
}

/** Every article (trash included) with its state, and every highlight, to compare two libraries. */
export async function describeLibrary(lib: LibraryEngine): Promise<{
  articles: Pick<ArticleMeta, 'id' | 'title' | 'tags' | 'read' | 'favourite' | 'trashedAt'>[];
  highlights: Pick<ListedHighlight, 'id' | 'articleId' | 'note' | 'color'>[];
}> {
  const pick = (a: ArticleMeta) => ({
    id: a.id,
    title: a.title,
    tags: a.tags,
    read: a.read,
    favourite: a.favourite,
    trashedAt: a.trashedAt,
  });
  const all = await lib.list({ limit: 100_000 });
  const trash = await lib.list({ view: 'trash', limit: 100_000 });
  const articles = [...all.items, ...trash.items].map(pick).sort((a, b) => (a.id < b.id ? -1 : 1));
  const highlights = (await lib.listHighlights({}))
    .map((h) => ({ id: h.id, articleId: h.articleId, note: h.note, color: h.color }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { articles, highlights };
}

export interface ZipEntryData {
  name: string;
  bytes: Buffer;
}

/** Reads every entry of a zip into memory (small test archives only). */
export async function readZip(path: string): Promise<ZipEntryData[]> {
  const zip = await yauzl.openPromise(path, { decodeStrings: true });
  const out: ZipEntryData[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
      out.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
    }
  } finally {
    zip.close();
  }
  return out;
}

/** Writes entries as a zip file. */
export function writeZip(path: string, entries: ZipEntryData[]): Promise<void> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(e.bytes, e.name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => {
      writeFileSync(path, Buffer.concat(chunks));
      resolve();
    });
    zip.outputStream.on('error', reject);
  });
}

/** Renames entries in a zip file's bytes (local headers and directory); names must keep their length. */
export function renameInZip(path: string, from: string, to: string): void {
  if (from.length !== to.length) throw new Error('names must have the same length');
  const bytes = readFileSync(path);
  const a = Buffer.from(from, 'utf8');
  const b = Buffer.from(to, 'utf8');
  let at = bytes.indexOf(a);
  let found = 0;
  while (at !== -1) {
    b.copy(bytes, at);
    found++;
    at = bytes.indexOf(a, at + a.length);
  }
  if (found === 0) throw new Error(`${from} is not in ${path}`);
  writeFileSync(path, bytes);
}

/** The manifest entry of a backup as JSON text. */
export const manifestOf = (entries: ZipEntryData[]): string =>
  entries.find((e) => e.name === 'archive-reader-backup.json')!.bytes.toString('utf8');

/** Reads the manifest of a backup file. */
export async function readManifestText(path: string): Promise<string> {
  const zip = await yauzl.openPromise(path, {});
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === 'archive-reader-backup.json') {
        return await text(await zip.openReadStreamPromise(entry));
      }
    }
  } finally {
    zip.close();
  }
  throw new Error('no manifest');
}
