// Names people give or see (a collection, a saved search), apart from the rest of organise.ts
// so that the command line checks them without building every schema of the contract
// (docs/benchmarks.md, "Cold command line").
import { z } from './zod';
import { LIMITS } from './limits';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A name people give or see (a collection, a saved search): one line of readable text. */
const nameSchema = (what: string, max: number) =>
  z
    .string({ error: `must be a ${what}` })
    .max(max * 4, `must be at most ${max} characters`)
    .transform((s) => s.normalize('NFC').trim())
    .refine((s) => s !== '', 'must not be empty')
    .refine((s) => [...s].length <= max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');

/** A collection name: the first folder below the imported one, or a name it was renamed to. */
export const collectionNameSchema = nameSchema('collection name', LIMITS.collectionNameLength);

/** A saved search's name. */
export const savedSearchNameSchema = nameSchema('name', LIMITS.savedNameLength);
