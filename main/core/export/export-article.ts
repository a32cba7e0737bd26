// What every exporter gets of one article: its metadata, texts, bytes and highlights.
import type { Highlight, StoredHighlight } from '../../contract/highlights';
import type { ArticleMeta } from '../../contract/types';

export interface ExportArticle {
  /** The metadata as the engine answers it (collection always set). */
  meta: ArticleMeta;
  dateline: string | null;
  /** The clean body, as the reader shows it. */
  body: string;
  /** The original bytes, exactly as imported. */
  original: Uint8Array;
  /** The original bytes decoded. */
  originalText: string;
  /** The highlights placed in `body` (orphaned ones kept, unplaced). */
  highlights: Highlight[];
  /** The highlights as stored (W3C selectors), for a lossless JSON Lines record. */
  storedHighlights: StoredHighlight[];
}

/** The articles to export, in order, and how to load each one. */
export interface ExportSource {
  ids: readonly string[];
  load(id: string): Promise<ExportArticle>;
}
