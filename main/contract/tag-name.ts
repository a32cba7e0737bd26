// The one rule for tag names, shared by the API schemas, the engine and the command line.
// A tag is real text in any script: letters, digits, punctuation, emoji, combining marks and
// the joiners that some scripts and emoji need (ZWJ in 👩‍👩‍👧, ZWNJ in Persian می‌خواهم). Only
// what makes a name unreadable, deceptive or a sign of broken input is refused.
import { z } from './zod';
import { LIMITS } from './limits';

/** Longest tag name, in code points after trimming (so emoji and astral CJK count as one). */
export const TAG_NAME_MAX_LENGTH = LIMITS.tagLength;

// Longer raw input is refused before normalising it, so a huge string costs nothing; the bound
// leaves room for any amount of surrounding space a person could type.
const RAW_MAX_LENGTH = TAG_NAME_MAX_LENGTH * 16;

// C0 and C1 controls (tabs, newlines, escape sequences) and the line/paragraph separators,
// which break a name over lines in terminals and logs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// Bidi embeddings, overrides and isolates reorder what follows them ("Trojan Source"); the
// plain marks (LRM, RLM, ALM) stay allowed because right-to-left text uses them.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
// What a decoder puts where input was not valid text, e.g. a command-line argument that was
// not UTF-8: a tag made of it could never be typed again.
const REPLACEMENT = '\ufffd';
// A name made only of spaces and invisible format characters shows as nothing.
const BLANK = /^[\s\p{Cf}]*$/u;

/** The stored form of a tag name: Unicode NFC, surrounding space trimmed. */
export function normalizeTagName(raw: string): string {
  return raw.normalize('NFC').trim();
}

/**
 * What a name is for: `new` names a tag being made (added, or the target of a rename);
 * `existing` refers to a tag the library may already hold (removed, renamed, deleted, filtered
 * by, put back by undo). Only an existing name may hold U+FFFD, so tags made before this rule
 * can still be cleaned up.
 */
export type TagNameUse = 'new' | 'existing';

/** What is wrong with a tag name ("is empty", "contains …"), or null when it is fine. */
export function tagNameProblem(raw: string, use: TagNameUse = 'new'): string | null {
  if (raw.length > RAW_MAX_LENGTH) return `is longer than ${TAG_NAME_MAX_LENGTH} characters`;
  const name = normalizeTagName(raw);
  if (BLANK.test(name)) return 'is empty';
  if ([...name].length > TAG_NAME_MAX_LENGTH) {
    return `is longer than ${TAG_NAME_MAX_LENGTH} characters`;
  }
  const control = CONTROL.exec(name) ?? BIDI_CONTROL.exec(name);
  if (control) return `contains the control character ${codePointLabel(control[0])}`;
  if (use === 'new' && name.includes(REPLACEMENT)) {
    return 'contains U+FFFD, the mark of text that was not valid (such as bytes that are not UTF-8)';
  }
  return null;
}

/** The start of a tag name, quoted, with refused characters written as U+XXXX, for messages. */
export function quoteTagName(raw: string): string {
  const chars = [...raw.trimStart().slice(0, 4 * 20)];
  const shown = chars
    .slice(0, 20)
    .map((c) => (CONTROL.test(c) || BIDI_CONTROL.test(c) ? `<${codePointLabel(c)}>` : c))
    .join('');
  return `"${shown}${chars.length > 20 ? '…' : ''}"`;
}

/** "U+202E" for a character. */
function codePointLabel(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex}`;
}

const tagSchema = (use: TagNameUse) =>
  z.string({ error: 'must be a tag name' }).superRefine((value, ctx) => {
    const problem = tagNameProblem(value, use);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A new tag name as calls carry it; checked with the same rule the engine applies. */
export const tagNameSchema = tagSchema('new');

/** A name referring to a tag the library may hold (see TagNameUse). */
export const tagReferenceSchema = tagSchema('existing');
