// Every size limit of the contract, once. The API schemas, the engine and the CLI read these, so
// a limit cannot differ between the window and the command line. The renderer is not trusted:
// each bound keeps a compromised page from pushing huge payloads into the engine.

export const LIMITS = {
  /** Article ids one call may name. */
  idsPerCall: 100_000,
  /** Paths one importPaths call may name. */
  pathsPerCall: 10_000,
  /** Characters in one path. */
  pathLength: 4_096,
  /** Files one importContents call may carry. */
  filesPerCall: 10_000,
  /** Bytes of one file handed over by contents. */
  fileBytes: 64 * 1024 * 1024,
  /** Characters in the name of a file handed over by contents. */
  fileNameLength: 1_024,
  /** Tag names one call may name. */
  tagsPerCall: 100,
  /** Tags one article may carry in a snapshot being restored. */
  tagsPerArticle: 10_000,
  /** Characters (code points, after trimming) in one tag name. */
  tagLength: 64,
  /** Characters in a search or highlight query; the query parser refuses longer ones. */
  queryLength: 1_000,
  /** Characters in a place or language filter. */
  facetLength: 200,
  /** Articles one list page may hold. */
  listLimit: 10_000,
  /** Hits one search page may hold. */
  searchLimit: 1_000,
  /** Related articles one call may ask for. */
  relatedLimit: 100,
  /** Largest offset of a list or search page. */
  maxOffset: 10_000_000,
  /** Characters in the note of a highlight. */
  noteLength: 10_000,
  /** Characters of a highlighted passage (a whole long article may be highlighted). */
  highlightLength: 1_000_000,
  /** Highlights one article may hold. */
  highlightsPerArticle: 10_000,
  /** Characters of context kept before and after a highlighted passage, to find it again. */
  quoteContext: 32,
  /** Characters in a collection name. */
  collectionNameLength: 200,
  /** Characters in the name of a saved search. */
  savedNameLength: 100,
  /** Saved searches one library may hold. */
  savedSearches: 500,
  /** Tagging rules one library may hold. */
  tagRules: 500,
} as const;
