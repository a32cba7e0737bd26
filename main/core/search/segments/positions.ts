// Word positions of the postings, for exact phrases without reading articles. Per posting:
// a varint count, then per position (ascending) a varint of delta * 2 + 1 when the word was
// written in another form than the term (followed by that form's code, word-form.ts), or
// delta * 2 when it was the term itself, so most take one byte; per term and field slot, the
// byte offset where its postings' runs start. Postings are walked in order anyway, so no
// per-posting offset is needed.
import { FIELDS, NO_POSITION, type AnalyzedDoc } from '../analysis/analyzer';

const FIELD_COUNT = FIELDS.length;

/** A growable byte buffer for varints. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  /**
   * With a `capacity` known to be enough (a merge copies a subset of its inputs), the bytes
   * go straight into shared memory of that size and are never grown or copied.
   */
  constructor(capacity?: number) {
    this.bytes =
      capacity === undefined
        ? new Uint8Array(1 << 16)
        : new Uint8Array(new SharedArrayBuffer(Math.max(capacity, 1)));
  }

  /** Appends an unsigned integer as a LEB128 varint. */
  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(this.length + 5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  /** Appends raw bytes. */
  append(src: Uint8Array): void {
    if (this.length + src.length > this.bytes.length) this.grow(this.length + src.length);
    this.bytes.set(src, this.length);
    this.length += src.length;
  }

  /** The bytes written so far in shared memory (copied there unless already shared). */
  toShared(): Uint8Array {
    if (this.bytes.buffer instanceof SharedArrayBuffer) return this.bytes.subarray(0, this.length);
    const out = new Uint8Array(new SharedArrayBuffer(this.length));
    out.set(this.bytes.subarray(0, this.length));
    return out;
  }

  private grow(min: number): void {
    let size = this.bytes.length * 2;
    while (size < min) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/** Reads a varint at `at`; returns the value and moves `cursor.at`. */
function readVarint(bytes: Uint8Array, cursor: { at: number }): number {
  let v = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[cursor.at++]!;
    v += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return v;
    shift += 7;
  }
}

/**
 * Decodes one posting's positions into `into` (grown as needed); returns their count. With a
 * `form`, only positions written in that form count; with a `limit`, only the first `limit`
 * are decoded (and counted), leaving the cursor inside the run.
 */
export function readRun(
  bytes: Uint8Array,
  cursor: { at: number },
  into: number[],
  limit = Infinity,
  form: number | null = null,
): number {
  const count = readVarint(bytes, cursor);
  let p = 0;
  let n = 0;
  for (let k = 0; k < count && n < limit; k++) {
    const v = readVarint(bytes, cursor);
    p += v >>> 1;
    const code = (v & 1) === 1 ? readVarint(bytes, cursor) : 0;
    if (form === null || code === form) into[n++] = p;
  }
  return n;
}

/** Calls `visit` with the form code of each of one posting's positions, moving past them. */
export function readForms(
  bytes: Uint8Array,
  cursor: { at: number },
  visit: (form: number) => void,
): void {
  const n = readVarint(bytes, cursor);
  for (let k = 0; k < n; k++)
    visit((readVarint(bytes, cursor) & 1) === 1 ? readVarint(bytes, cursor) : 0);
}

/** Moves `cursor.at` past one posting's positions; returns their count. */
export function skipRun(bytes: Uint8Array, cursor: { at: number }): number {
  const n = readVarint(bytes, cursor);
  for (let k = 0; k < n; k++) if ((readVarint(bytes, cursor) & 1) === 1) readVarint(bytes, cursor);
  return n;
}

/**
 * One field of one document, indexed for writing its postings' positions: where each term
 * first occurs and, per occurrence, the next occurrence of the same term (-1: none). A chain
 * through the term list instead of a list of positions per term: a build allocates for every
 * document and field, and two arrays per term were a good part of its garbage.
 */
interface FieldChains {
  first: Map<string, number>;
  next: Int32Array;
  at: readonly number[];
  forms: readonly number[];
}

/** Per document and field (index d * FIELD_COUNT + f); null for an empty field. */
function fieldChains(docs: readonly AnalyzedDoc[]): (FieldChains | null)[] {
  const out: (FieldChains | null)[] = [];
  for (const d of docs) {
    for (const f of FIELDS) {
      const terms = d.fields[f];
      if (terms.length === 0) {
        out.push(null);
        continue;
      }
      const at = d.positions[f];
      const first = new Map<string, number>();
      const next = new Int32Array(terms.length);
      // Walked backwards, so each chain runs forwards, in ascending position.
      for (let i = terms.length - 1; i >= 0; i--) {
        if (at[i] === NO_POSITION) continue;
        next[i] = first.get(terms[i]!) ?? -1;
        first.set(terms[i]!, i);
      }
      out.push({ first, next, at, forms: d.forms[f] });
    }
  }
  return out;
}

/** Writes one posting's positions: a count, then per position its delta and form. */
function writeChain(w: ByteWriter, field: FieldChains | null, term: string): void {
  const head = field?.first.get(term);
  if (!field || head === undefined) return w.varint(0);
  const { next, at, forms } = field;
  let count = 0;
  for (let i = head; i >= 0; i = next[i]!) count++;
  w.varint(count);
  let prev = 0;
  for (let i = head; i >= 0; i = next[i]!) {
    const delta = at[i]! - prev;
    const form = forms[i]!;
    if (form === 0) w.varint(delta * 2);
    else {
      w.varint(delta * 2 + 1);
      w.varint(form);
    }
    prev = at[i]!;
  }
}

/** The positions of every posting, in posting order, from the analysed documents. */
export function buildPositions(
  terms: readonly string[],
  offsets: Uint32Array,
  docs: Uint32Array,
  analysed: readonly AnalyzedDoc[],
): { posOffsets: Uint32Array; positions: Uint8Array } {
  const byDocField = fieldChains(analysed);
  const posOffsets = new Uint32Array(new SharedArrayBuffer(offsets.length * 4));
  const w = new ByteWriter();
  for (let slot = 0; slot + 1 < offsets.length; slot++) {
    posOffsets[slot] = w.length;
    const term = terms[Math.floor(slot / FIELD_COUNT)]!;
    const f = slot % FIELD_COUNT;
    for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) {
      writeChain(w, byDocField[docs[i]! * FIELD_COUNT + f]!, term);
    }
  }
  posOffsets[offsets.length - 1] = w.length;
  return { posOffsets, positions: w.toShared() };
}
