// A zip archive being read: its entries' names (decoded here, never trusted) and their data.
import type { Readable } from 'node:stream';
import type * as yauzl from 'yauzl';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';
import { lazyPackage } from '../lazy-package';

const yauzlPackage = lazyPackage<typeof yauzl>('yauzl');

export interface ZipEntryInfo {
  /** The name as stored, decoded (UTF-8 when flagged, else CP437); not yet checked for safety. */
  name: string;
  /** Uncompressed size the archive's directory claims. */
  size: number;
  entry: yauzl.Entry;
}

export class ZipSource {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly path: string,
  ) {}

  /** Opens an archive; LIBRARY_CORRUPT when it is not a whole zip file (cut short, another format). */
  static async open(path: string): Promise<ZipSource> {
    try {
      // Names are decoded by us (decodeStrings: false) so that every unsafe one can be named,
      // instead of yauzl stopping at the first.
      const zip = await yauzlPackage().openPromise(path, {
        autoClose: false,
        decodeStrings: false,
        validateEntrySizes: true,
      });
      return new ZipSource(zip, path);
    } catch (e) {
      if (e instanceof Error && 'code' in e && (e.code === 'ENOENT' || e.code === 'EACCES')) {
        throw new ArchiveError('NOT_FOUND', `Cannot open the backup ${path}: ${errorMessage(e)}`);
      }
      throw new ArchiveError(
        'LIBRARY_CORRUPT',
        `The backup ${path} is damaged or not a backup; nothing was restored: it is not a complete zip archive (cut short?): ${errorMessage(e)}`,
      );
    }
  }

  /** Every entry in the archive's directory, in order. */
  async *entries(): AsyncGenerator<ZipEntryInfo> {
    try {
      for await (const entry of this.zip.eachEntry()) {
        const name = yauzlPackage().getFileNameLowLevel(
          entry.generalPurposeBitFlag,
          entry.fileNameRaw,
          entry.extraFields,
          false,
        );
        yield { name, size: entry.uncompressedSize, entry };
      }
    } catch (e) {
      throw new ArchiveError(
        'LIBRARY_CORRUPT',
        `The backup ${this.path} is damaged; nothing was restored: its directory of entries cannot be read (${errorMessage(e)}).`,
      );
    }
  }

  /** The entry's uncompressed data; errors (bad compressed data, wrong size) surface on the stream. */
  open(entry: ZipEntryInfo): Promise<Readable> {
    return this.zip.openReadStreamPromise(entry.entry);
  }

  close(): void {
    this.zip.close();
  }
}
