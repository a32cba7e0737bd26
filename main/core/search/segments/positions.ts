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

/** Bytes of `value` as a LEB128 varint. */
function varintLength(value: number): number {
  let v = value >>> 0;
  let n = 1;
  while (v >= 0x80) {
    v >>>= 7;
    n++;
  }
  return n;
}

/** Writes `value` as a LEB128 varint at `at`; returns the index past it. */
function putVarint(out: Uint8Array, at: number, value: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    out[at++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[at++] = v;
  return at;
}

/**
 * The positions of every posting, in posting order (slot by slot, documents ascending within
 * a slot, as `postingsFromLunr` lays them out), from the analysed documents. `rankOf` gives a
 * term's place in the sorted term list.
 *
 * Two passes over each document's terms, in document order, with per-term scratch in typed
 * arrays indexed by rank: the first finds each slot's byte length (so every run's place is
 * known), the second writes each run where it belongs. A term's rank is looked up once per
 * occurrence; nothing is allocated per document or per field (a map and a chain per field
 * were a fifth of a build's CPU, with their garbage).
 */
export function buildPositions(
  termCount: number,
  rankOf: ReadonlyMap<string, number>,
  analysed: readonly AnalyzedDoc[],
): { posOffsets: Uint32Array; positions: Uint8Array } {
  const slots = termCount * FIELD_COUNT;
  let occurrences = 0;
  for (const d of analysed) for (const f of FIELDS) occurrences += d.fields[f].length;
  // Each occurrence's term rank, in document and field order, for the second pass.
  const ranks = new Int32Array(occurrences);
  const count = new Int32Array(termCount);
  const bytes = new Int32Array(termCount);
  const last = new Int32Array(termCount);
  // The field (numbered across the batch) a term was last met in: "first time here?"
  const seenIn = new Int32Array(termCount).fill(-1);
  const touched = new Int32Array(termCount);
  const posOffsets = new Uint32Array(new SharedArrayBuffer((slots + 1) * 4));
  let at = 0;
  let field = 0;
  for (const d of analysed) {
    for (let f = 0; f < FIELD_COUNT; f++, field++) {
      const terms = d.fields[FIELDS[f]!];
      const pos = d.positions[FIELDS[f]!];
      const forms = d.forms[FIELDS[f]!];
      let n = 0;
      for (let i = 0; i < terms.length; i++) {
        const r = rankOf.get(terms[i]!)!;
        ranks[at++] = r;
        if (seenIn[r] !== field) {
          seenIn[r] = field;
          touched[n++] = r;
          count[r] = 0;
          bytes[r] = 0;
          last[r] = 0;
        }
        const p = pos[i]!;
        if (p === NO_POSITION) continue;
        count[r]!++;
        const form = forms[i]!;
        const delta = p - last[r]!;
        last[r] = p;
        bytes[r]! +=
          form === 0 ? varintLength(delta * 2) : varintLength(delta * 2 + 1) + varintLength(form);
      }
      for (let k = 0; k < n; k++) {
        const r = touched[k]!;
        posOffsets[r * FIELD_COUNT + f]! += varintLength(count[r]!) + bytes[r]!;
      }
    }
  }
  let total = 0;
  for (let s = 0; s < slots; s++) {
    const size = posOffsets[s]!;
    posOffsets[s] = total;
    total += size;
  }
  posOffsets[slots] = total;
  const out = new Uint8Array(new SharedArrayBuffer(total));
  // Where the next run of each slot goes.
  const cursor = posOffsets.slice(0, slots);
  const write = new Int32Array(termCount);
  seenIn.fill(-1);
  at = 0;
  field = 0;
  for (const d of analysed) {
    for (let f = 0; f < FIELD_COUNT; f++, field++) {
      const terms = d.fields[FIELDS[f]!];
      const pos = d.positions[FIELDS[f]!];
      const forms = d.forms[FIELDS[f]!];
      const from = at;
      let n = 0;
      // Counts first: a run starts with its count.
      for (let i = 0; i < terms.length; i++) {
        const r = ranks[from + i]!;
        if (seenIn[r] !== field) {
          seenIn[r] = field;
          touched[n++] = r;
          count[r] = 0;
        }
        if (pos[i] !== NO_POSITION) count[r]!++;
      }
      for (let k = 0; k < n; k++) {
        const r = touched[k]!;
        write[r] = putVarint(out, cursor[r * FIELD_COUNT + f]!, count[r]!);
        last[r] = 0;
      }
      for (let i = 0; i < terms.length; i++) {
        const r = ranks[at++]!;
        const p = pos[i]!;
        if (p === NO_POSITION) continue;
        const form = forms[i]!;
        const delta = p - last[r]!;
        last[r] = p;
        if (form === 0) write[r] = putVarint(out, write[r]!, delta * 2);
        else write[r] = putVarint(out, putVarint(out, write[r]!, delta * 2 + 1), form);
      }
      for (let k = 0; k < n; k++) {
        const r = touched[k]!;
        cursor[r * FIELD_COUNT + f] = write[r]!;
      }
    }
  }
  return { posOffsets, positions: out };
}
