// A segment's postings read on demand, for an index that only answers queries (a command-line
// search): at open the header, the terms and the two offset tables; each term's documents,
// weights and positions the first time a query asks for them. Every block read is checked
// against the blocks file (postings-blocks.ts). The file's bytes go into one buffer the size
// of the file, in place, so the postings are the same views as a whole file's, and the pages
// never read are never touched (a fresh buffer is zero pages the system has not handed out).
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, join, dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { ArchiveError } from '../../errors';
import { FIELD_COUNT, type PostingData } from '../segments/postings';
import {
  POSTINGS_HEADER_BYTES,
  postingsLayout,
  viewPostings,
  type PostingsLayout,
} from '../segments/postings-codec';
import { blocksFileOf, parseBlocks, type PostingsBlocks } from './postings-blocks';

/** A block failed its checksum or could not be read. */
class BlockError extends Error {}

export class LazyPostings {
  readonly data: PostingData;
  private readonly blockLoaded: Uint8Array;
  private readonly termLoaded: Uint8Array;
  private fd: number | null;

  private constructor(
    private readonly path: string,
    fd: number,
    private readonly image: Uint8Array,
    private readonly blocks: PostingsBlocks,
    private readonly layout: PostingsLayout,
  ) {
    this.fd = fd;
    this.blockLoaded = new Uint8Array(blocks.sums.length);
    this.fill(0, layout.docsAt);
    this.fill(layout.posOffsetsAt, layout.positionsAt);
    this.data = viewPostings(image, layout);
    this.termLoaded = new Uint8Array(layout.termCount);
  }

  /**
   * Opens the postings file at `path` for reading on demand, when its blocks file is intact and
   * describes it (SHA-256 `sha256`); null otherwise (the caller reads the whole file).
   */
  static open(path: string, sha256: string): LazyPostings | null {
    let table: Buffer;
    let fd: number;
    try {
      table = readFileSync(join(dirname(path), blocksFileOf(basename(path))));
      fd = openSync(path, 'r');
    } catch {
      return null;
    }
    try {
      const size = fstatSync(fd).size;
      const blocks = parseBlocks(table, sha256, size);
      if (!blocks) throw new BlockError('no blocks');
      const head = Buffer.alloc(Math.min(size, POSTINGS_HEADER_BYTES));
      readSync(fd, head, 0, head.length, 0);
      const layout = postingsLayout(head);
      if (layout.size !== size) throw new BlockError('wrong size');
      return new LazyPostings(path, fd, new Uint8Array(size), blocks, layout);
    } catch {
      // Damaged or not of this version: reading the whole file reports it as it always has.
      closeSync(fd);
      return null;
    }
  }

  /** Makes sure the postings of term number `t` are read (and checked). */
  ensureTerm(t: number): void {
    if (this.termLoaded[t]) return;
    const { offsets, posOffsets } = this.data;
    const from = offsets[t * FIELD_COUNT]!;
    const to = offsets[(t + 1) * FIELD_COUNT]!;
    const { docsAt, weightsAt, positionsAt } = this.layout;
    try {
      this.fill(docsAt + from * 4, docsAt + to * 4);
      this.fill(weightsAt + from * 4, weightsAt + to * 4);
      this.fill(
        positionsAt + posOffsets[t * FIELD_COUNT]!,
        positionsAt + posOffsets[(t + 1) * FIELD_COUNT]!,
      );
    } catch (e) {
      throw new ArchiveError(
        'LIBRARY_CORRUPT',
        `The search index file ${basename(this.path)} is damaged or unreadable ` +
          `(${e instanceof Error ? e.message : String(e)}); ` +
          'run `archive-reader reindex` to rebuild the index from the articles.',
      );
    }
    this.termLoaded[t] = 1;
  }

  /** Closes the file; terms not read by then can no longer be. */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  /** Reads and checks every block of [from, to) not read yet, runs of them at a time. */
  private fill(from: number, to: number): void {
    if (to <= from) return;
    const { blockBytes, sums } = this.blocks;
    const last = Math.ceil(to / blockBytes);
    for (let b = Math.floor(from / blockBytes); b < last;) {
      if (this.blockLoaded[b]) {
        b++;
        continue;
      }
      let end = b;
      while (end < last && !this.blockLoaded[end]) end++;
      const start = b * blockBytes;
      const stop = Math.min(this.image.length, end * blockBytes);
      this.read(start, stop);
      for (; b < end; b++) {
        const at = b * blockBytes;
        const block = this.image.subarray(at, Math.min(stop, at + blockBytes));
        if (crc32(block) !== sums[b]) throw new BlockError(`block ${b} fails its checksum`);
        this.blockLoaded[b] = 1;
      }
    }
  }

  private read(start: number, stop: number): void {
    if (this.fd === null) throw new BlockError('closed');
    for (let at = start; at < stop;) {
      const n = readSync(this.fd, this.image, at, stop - at, at);
      if (n === 0) throw new BlockError('file is shorter than its blocks say');
      at += n;
    }
  }
}
