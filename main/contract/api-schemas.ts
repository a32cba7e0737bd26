// Zod schemas for every API call's arguments. The renderer is not trusted: every field is
// bounded (string lengths, array sizes, number ranges) and unknown keys are refused, so a
// compromised page cannot smuggle paths, huge payloads or odd types into the engine.
import { z } from 'zod';
import type { ApiMethod } from './api-contract';

/** Limits shared by the schemas and their tests. */
export const LIMITS = {
  idsPerCall: 100_000,
  pathsPerCall: 10_000,
  pathLength: 4_096,
  filesPerCall: 10_000,
  fileBytes: 64 * 1024 * 1024,
  fileNameLength: 1_024,
  tagsPerCall: 100,
  tagLength: 200,
  queryLength: 2_000,
  listLimit: 10_000,
  searchLimit: 1_000,
  maxOffset: 10_000_000,
} as const;

// Control characters make names unreadable and can break file names and logs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export const articleId = z
  .string({ error: 'must be an article id (16 lowercase hex digits)' })
  .regex(/^[0-9a-f]{16}$/, 'must be an article id (16 lowercase hex digits)');

const ids = z
  .array(articleId, { error: 'must be a list of article ids' })
  .min(1, 'must name at least one article')
  .max(LIMITS.idsPerCall, `may name at most ${LIMITS.idsPerCall} articles`);

export const importId = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"');

const tagName = z
  .string({ error: 'must be a tag name' })
  .max(LIMITS.tagLength, `must be at most ${LIMITS.tagLength} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');

const tags = z
  .array(tagName, { error: 'must be a list of tag names' })
  .min(1, 'must name at least one tag')
  .max(LIMITS.tagsPerCall, `may name at most ${LIMITS.tagsPerCall} tags`);

const tagFilter = z
  .array(tagName, { error: 'must be a list of tag names' })
  .max(LIMITS.tagsPerCall, `may name at most ${LIMITS.tagsPerCall} tags`);

/** An absolute path with no NUL byte; whether it is allowed is the path policy's job. */
export const absolutePath = z
  .string({ error: 'must be a path' })
  .min(1, 'must not be empty')
  .max(LIMITS.pathLength, `must be at most ${LIMITS.pathLength} characters`)
  .refine((s) => !s.includes('\0'), 'must not contain NUL bytes')
  .refine(isAbsoluteAnyOs, 'must be an absolute path');

/** POSIX "/x", Windows "C:\x" or "\\server\share"; relative paths are refused. */
function isAbsoluteAnyOs(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

const fileName = z
  .string({ error: 'must be a file name' })
  .min(1, 'must not be empty')
  .max(LIMITS.fileNameLength, `must be at most ${LIMITS.fileNameLength} characters`)
  .refine((s) => !s.includes('\0'), 'must not contain NUL bytes');

const fileData = z
  .instanceof(Uint8Array, { error: 'must be bytes (a Uint8Array)' })
  .refine((b) => b.byteLength <= LIMITS.fileBytes, `must be at most ${LIMITS.fileBytes} bytes`);

const offset = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(LIMITS.maxOffset, `must be at most ${LIMITS.maxOffset}`);

const limit = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

const facet = z
  .string({ error: 'must be a string' })
  .max(200, 'must be at most 200 characters')
  .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');

const view = z.enum(['all', 'unread', 'favourites', 'trash'], {
  error: 'must be one of all, unread, favourites, trash',
});

const empty = z.strictObject({});

const listQuery = z.strictObject({
  view: view.optional(),
  tags: tagFilter.optional(),
  place: facet.optional(),
  language: facet.optional(),
  sort: z
    .enum(['imported', 'date', 'title'], { error: 'must be imported, date or title' })
    .optional(),
  order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
  offset: offset.optional(),
  limit: limit(LIMITS.listLimit).optional(),
});

const searchQuery = z.strictObject({
  query: z
    .string({ error: 'must be a string' })
    .max(LIMITS.queryLength, `must be at most ${LIMITS.queryLength} characters`),
  limit: limit(LIMITS.searchLimit).optional(),
  offset: offset.optional(),
  tags: tagFilter.optional(),
  view: view.optional(),
  place: facet.optional(),
  language: facet.optional(),
  sort: z
    .enum(['relevance', 'date', 'imported', 'title'], {
      error: 'must be relevance, date, imported or title',
    })
    .optional(),
});

const tagSnapshot = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        id: articleId,
        tags: z.array(tagName).max(10_000, 'may hold at most 10000 tags'),
      }),
      { error: 'must be a list of snapshot entries' },
    )
    .max(LIMITS.idsPerCall, `may hold at most ${LIMITS.idsPerCall} entries`),
});

const bool = z.boolean({ error: 'must be true or false' });

const settingsPatch = z.strictObject({
  theme: z
    .enum(['system', 'light', 'dark', 'sepia'], { error: 'must be system, light, dark or sepia' })
    .optional(),
  fontSize: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(10, 'must be at least 10')
    .max(40, 'must be at most 40')
    .optional(),
  lineWidth: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(30, 'must be at least 30')
    .max(120, 'must be at most 120')
    .optional(),
  sidebarVisible: bool.optional(),
});

/** One schema per API method; dispatch validates every call's arguments with it. */
export const apiSchemas = {
  importPaths: z.strictObject({
    importId,
    paths: z
      .array(absolutePath, { error: 'must be a list of paths' })
      .min(1, 'must name at least one path')
      .max(LIMITS.pathsPerCall, `may name at most ${LIMITS.pathsPerCall} paths`),
  }),
  importContents: z.strictObject({
    importId,
    files: z
      .array(z.strictObject({ name: fileName, data: fileData }), {
        error: 'must be a list of files',
      })
      .min(1, 'must hold at least one file')
      .max(LIMITS.filesPerCall, `may hold at most ${LIMITS.filesPerCall} files`),
  }),
  importSample: z.strictObject({ importId }),
  cancelImport: z.strictObject({ importId }),
  listArticles: listQuery,
  getArticle: z.strictObject({
    id: articleId,
    highlight: z
      .string({ error: 'must be a string' })
      .max(LIMITS.queryLength, `must be at most ${LIMITS.queryLength} characters`)
      .optional(),
  }),
  search: searchQuery,
  addTags: z.strictObject({ ids, tags }),
  removeTags: z.strictObject({ ids, tags }),
  restoreTags: tagSnapshot,
  listTags: empty,
  renameTag: z.strictObject({ from: tagName, to: tagName }),
  deleteTag: z.strictObject({ name: tagName }),
  setRead: z.strictObject({ ids, read: bool }),
  setFavourite: z.strictObject({ ids, favourite: bool }),
  setPosition: z.strictObject({
    id: articleId,
    position: z
      .number({ error: 'must be a number' })
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1'),
  }),
  trash: z.strictObject({ ids }),
  restore: z.strictObject({ ids }),
  emptyTrash: empty,
  stats: empty,
  getSettings: empty,
  setSettings: settingsPatch,
} satisfies Record<ApiMethod, z.ZodType>;

/** True when `method` names an API call (own keys only, so "__proto__" is not one). */
export const isApiMethod = (method: unknown): method is ApiMethod =>
  typeof method === 'string' && Object.hasOwn(apiSchemas, method);

/** Turns zod issues into one sentence naming the field, e.g. "ids.0 must be an article id". */
export function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const where = field ? ` in ${field}` : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}${where}`;
    }
    if (!field && issue.code === 'invalid_type') return 'the arguments must be an object';
    return field ? `${field} ${issue.message}` : `arguments ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `Bad arguments for ${method}: ${parts.join('; ')}${more}.`;
}
