// File names for exported articles that every OS accepts and that never collide, even on the
// case-insensitive, normalising file systems of Windows and macOS.

// Characters Windows refuses in names (and "/", which no OS allows), and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
// Bidirectional overrides and isolates can make a name read as another extension ("txt.exe").
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// Device names Windows reserves, with or without an extension (COM¹ and friends too).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Bytes of UTF-8 a name may take: 255 is every common file system's limit; room is left. */
export const MAX_NAME_BYTES = 200;

/** A title as the stem of a file name safe on Windows, macOS and Linux ("Untitled" when empty). */
export function safeStem(title: string, maxBytes = MAX_NAME_BYTES - 24): string {
  let stem = title
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  stem = cutToBytes(stem, maxBytes)
    // Leading dots hide files on Unix; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (stem === '') stem = 'Untitled';
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return stem;
}

/** The longest start of `text` that is at most `maxBytes` of UTF-8, never splitting a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let bytes = 0;
  let out = '';
  // Cut between grapheme clusters, so an accent or a joined Arabic letter stays with its base.
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
    text,
  )) {
    const size = Buffer.byteLength(segment, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += segment;
  }
  return out;
}

/** Hands out unique names within one folder, compared as Windows and macOS compare them. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** A safe, unused name for `title` with the extension `ext` ("md"): "Title (2).md" on a clash. */
  next(title: string, ext: string): string {
    const stem = safeStem(title);
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}.${ext}` : `${stem} (${n}).${ext}`;
      const key = name.normalize('NFC').toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return name;
      }
    }
  }
}
