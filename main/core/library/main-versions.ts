// main-versions.json: the articles the user marked as the main version of their story. User
// state, not a cache: it cannot be derived from the article files, so it is written atomically
// on every change. A damaged file is read as no marks (each group then falls back to its
// earliest imported article) rather than keeping the library shut over a preference.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../../contract/zod';
import { articleIdSchema } from '../../contract/article-id';
import { isErrno } from '../errno';
import { writeFileAtomic } from '../store/atomic-write';

export const MAIN_VERSIONS_FILE = 'main-versions.json';

const fileSchema = z.object({ format: z.literal(1), ids: z.array(articleIdSchema) });

/** Reads the marks; an empty set when the file is missing or damaged. */
export async function readMainVersions(dir: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(join(dir, MAIN_VERSIONS_FILE), 'utf8');
  } catch (e) {
    if (isErrno(e, ['ENOENT'])) return new Set();
    throw e;
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    return new Set(parsed.success ? parsed.data.ids : []);
  } catch {
    return new Set();
  }
}

/** The marked main versions of one library, loaded once and saved on every change. */
export class MainVersions {
  private ids = new Set<string>();
  private loading: Promise<void> = Promise.resolve();
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {}

  /** Starts reading the file (an unreadable one counts as no marks). */
  start(): void {
    this.loading = readMainVersions(this.dir).then(
      (ids) => void (this.ids = ids),
      () => undefined,
    );
  }

  /** Resolves once the file has been read. */
  ready(): Promise<void> {
    return this.loading;
  }

  /** True when the user marked this article as its story's main version. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * Marks `id` as main and unmarks the rest of its group, dropping marks of articles no longer
   * in the library; resolves once saved. Saves run one at a time, so the last change wins.
   */
  async mark(id: string, others: readonly string[], exists: (id: string) => boolean) {
    await this.loading;
    for (const other of others) this.ids.delete(other);
    this.ids.add(id);
    for (const known of [...this.ids]) if (!exists(known)) this.ids.delete(known);
    const data = JSON.stringify({ format: 1, ids: [...this.ids].sort() }) + '\n';
    const save = this.saving.then(() => writeFileAtomic(join(this.dir, MAIN_VERSIONS_FILE), data));
    this.saving = save.catch(() => undefined);
    await save;
  }
}
