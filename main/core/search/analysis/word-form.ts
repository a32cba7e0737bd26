// Which written form of a word stood at an indexed position, so that a quoted word can mean
// the word as written ("Greene" and not "Green", though both stem to "green"). The index keeps
// terms as stems; beside each position it keeps a small code for the form: 0 when the form is
// the term itself, else a hash of the (case- and accent-folded) form. Storing the forms
// themselves would double the index; two forms of one stem share a code about once in 16,000
// pairs, and then a quoted word also finds its sibling form.

/** Codes a form that differs from its term can take: 1..FORM_CODES (two varint bytes). */
export const FORM_CODES = 16_383;

/** A query word's index term, and the form code it must have there (null: any form). */
export interface WordVariant {
  term: string;
  form: number | null;
}

/** FNV-1a over UTF-16 code units: stable across runs and processes, which the index needs. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The code stored for `form` (a normalised word) indexed under `term` (its stem). */
export function formCode(form: string, term: string): number {
  return form === term ? 0 : 1 + (fnv1a(form) % FORM_CODES);
}

/** Variants that match any written form of each term. */
export const anyForm = (terms: readonly string[]): WordVariant[] =>
  terms.map((term) => ({ term, form: null }));
