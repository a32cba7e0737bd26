// A pack's index reads back what was written (its per-line CRC-32 is computed in place, and must
// agree with zlib's, which writes it) and stops at the first torn, damaged or misplaced line.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PackEntry } from '../../../../main/core/store/article-pack';
import {
  checkIndex,
  encodeIndexEntries,
  indexHeader,
  lastEntryOf,
  parseIndex,
} from '../../../../main/core/store/pack-index';

const FIRST = 16;
const nonce = randomBytes(8);

/** Entries laid end to end from FIRST, with random ids, sizes and kinds. */
function entries(count: number): PackEntry[] {
  const out: PackEntry[] = [];
  let offset = FIRST;
  for (let i = 0; i < count; i++) {
    const length = 40 + ((i * 7919) % 5000);
    const kind = i % 11 === 3 ? 'tombstone' : 'article';
    out.push({ id: randomBytes(8).toString('hex'), kind, offset, length });
    offset += length;
  }
  return out;
}

const indexOf = (list: PackEntry[]) =>
  Buffer.concat([indexHeader(nonce), encodeIndexEntries(list)]);
const sizeOf = (list: PackEntry[]) => list.at(-1)!.offset + list.at(-1)!.length;

describe('pack index', () => {
  it('reads back every line written', () => {
    const list = entries(3000);
    const parsed = parseIndex(indexOf(list), nonce, sizeOf(list), FIRST);
    expect(parsed).toEqual(list);
    // Ids come back as strings equal to the written ones, usable as keys.
    expect(new Set(parsed!.map((e) => e.id)).size).toBe(list.length);
  });

  it("refuses another pack's index", () => {
    const list = entries(3);
    expect(parseIndex(indexOf(list), randomBytes(8), sizeOf(list), FIRST)).toBeNull();
    expect(parseIndex(indexOf(list).subarray(0, 10), nonce, sizeOf(list), FIRST)).toBeNull();
  });

  it('stops at a damaged, torn or misplaced line', () => {
    const list = entries(50);
    const size = sizeOf(list);
    for (const at of [0, 17, 49]) {
      for (const byte of [0, 9, 16, 20, 27, 30]) {
        const buf = indexOf(list);
        buf[16 + at * 32 + byte]! ^= 0x01;
        expect(parseIndex(buf, nonce, size, FIRST), `line ${at} byte ${byte}`).toEqual(
          list.slice(0, at),
        );
      }
    }
    const torn = indexOf(list).subarray(0, 16 + 20 * 32 + 31);
    expect(parseIndex(torn, nonce, size, FIRST)).toEqual(list.slice(0, 20));
    // A pack shorter than the index says: lines past its end are not used.
    expect(parseIndex(indexOf(list), nonce, list[30]!.offset, FIRST)).toEqual(list.slice(0, 30));
    const gap = list.map((e, i) => (i === 12 ? { ...e, offset: e.offset + 1 } : e));
    expect(parseIndex(indexOf(gap), nonce, size, FIRST)).toEqual(list.slice(0, 12));
  });

  it('keeps a damaged record that names no article, and refuses an article without an id', () => {
    const list = entries(5);
    const damaged = list.map((e, i) => (i === 2 ? { ...e, id: '', kind: 'damaged' as const } : e));
    expect(parseIndex(indexOf(damaged), nonce, sizeOf(list), FIRST)).toEqual(damaged);
    const upper = list.map((e, i) => (i === 3 ? { ...e, id: e.id.toUpperCase() } : e));
    expect(parseIndex(indexOf(upper), nonce, sizeOf(list), FIRST)).toEqual(list.slice(0, 3));
  });

  it('finds the last entry naming an id in place, as the parsed entries would', () => {
    // Ids repeat (rewrites and tombstones of one article lie later in the same pack).
    const ids = Array.from({ length: 40 }, () => randomBytes(8).toString('hex'));
    const list = entries(400).map((e, i) => ({ ...e, id: ids[(i * 7) % 40]! }));
    const index = checkIndex(indexOf(list), nonce, sizeOf(list), FIRST)!;
    expect(index.count).toBe(400);
    for (const id of ids) expect(lastEntryOf(index, id)).toEqual(list.findLast((e) => e.id === id));
    expect(lastEntryOf(index, randomBytes(8).toString('hex'))).toBeNull();
    expect(lastEntryOf(index, ids[0]!.toUpperCase())).toBeNull();
    expect(lastEntryOf(index, '')).toBeNull();
  });

  it('finds no id in the lines past the usable ones', () => {
    const list = entries(30);
    const buf = indexOf(list);
    // A line a reader may not use (damaged) hides its id and every later one.
    buf[16 + 20 * 32 + 2]! ^= 0x01;
    const index = checkIndex(buf, nonce, sizeOf(list), FIRST)!;
    expect(index.count).toBe(20);
    expect(index.end).toBe(list[19]!.offset + list[19]!.length);
    expect(lastEntryOf(index, list[25]!.id)).toBeNull();
    expect(lastEntryOf(index, list[19]!.id)).toEqual(list[19]);
  });
});
