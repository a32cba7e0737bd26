// Field-level building blocks of the API call arguments. The renderer is not trusted: every field
// is bounded (string lengths, array sizes, number ranges) so a compromised page cannot smuggle
// paths, huge payloads or odd types into the engine. The table of calls is in api-contract.ts.
import { z } from './zod';
import { LIMITS } from './limits';
import { tagNameSchema, tagReferenceSchema } from './tag-name';
import { articleIdSchema, bytesSchema } from './types';

/** Article ids a call acts on: at least one. */
export const idList = z
  .array(articleIdSchema, { error: 'must be a list of article ids' })
  .min(1, 'must name at least one article')
  .max(LIMITS.idsPerCall, `may name at most ${LIMITS.idsPerCall} articles`);

/** The caller's name for one import, so it can be cancelled and its progress told apart. */
export const importId = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"');

const tagNames = (name: z.ZodType<string>) =>
  z
    .array(name, { error: 'must be a list of tag names' })
    .min(1, 'must name at least one tag')
    .max(LIMITS.tagsPerCall, `may name at most ${LIMITS.tagsPerCall} tags`);

/** Tag names a call adds: at least one. */
export const newTagList = tagNames(tagNameSchema);

/** Tag names a call removes: at least one. */
export const tagList = tagNames(tagReferenceSchema);

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

/** Paths one import names: at least one. */
export const pathList = z
  .array(absolutePath, { error: 'must be a list of paths' })
  .min(1, 'must name at least one path')
  .max(LIMITS.pathsPerCall, `may name at most ${LIMITS.pathsPerCall} paths`);

const fileName = z
  .string({ error: 'must be a file name' })
  .min(1, 'must not be empty')
  .max(LIMITS.fileNameLength, `must be at most ${LIMITS.fileNameLength} characters`)
  .refine((s) => !s.includes('\0'), 'must not contain NUL bytes');

const fileData = bytesSchema.refine(
  (b) => b.byteLength <= LIMITS.fileBytes,
  `must be at most ${LIMITS.fileBytes} bytes`,
);

/** Files handed over by contents (a drop with no paths): at least one. */
export const fileList = z
  .array(z.strictObject({ name: fileName, data: fileData }), { error: 'must be a list of files' })
  .min(1, 'must hold at least one file')
  .max(LIMITS.filesPerCall, `may hold at most ${LIMITS.filesPerCall} files`);

/** A yes/no flag. */
export const bool = z.boolean({ error: 'must be true or false' });

/** Calls that take no arguments take an empty object. */
export const noArgs = z.strictObject({});
