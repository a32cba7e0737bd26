// The character set a page declares for itself, found the way browsers pre-scan a page
// before parsing it: a byte order mark, else <meta charset> or <meta http-equiv
// content-type> near the top.

// Browsers look at the first 1024 bytes; pages saved by tools sometimes put a long <head>
// first, so a little more is read.
const PRESCAN_BYTES = 4096;
const META = /<meta\b[^>]*>/gi;
const CHARSET_ATTR = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const COMMENT = /<!--[\s\S]*?-->/g;

/** The encoding named by a BOM, or by a meta declaration (WHATWG name), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'UTF-8';
  if (a === 0xff && b === 0xfe) return 'UTF-16LE';
  if (a === 0xfe && b === 0xff) return 'UTF-16BE';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES))
    .toString('latin1')
    .replace(COMMENT, '');
  for (const meta of head.match(META) ?? []) {
    const label = CHARSET_ATTR.exec(meta)?.[1];
    if (label) return canonicalCharset(label);
  }
  return null;
}

/**
 * The WHATWG encoding a label means (iso-8859-1 and us-ascii are windows-1252, as in every
 * browser), or null for a label no browser knows. A page cannot declare UTF-16 in its own
 * ASCII bytes, so such a declaration means UTF-8 (as the HTML standard says).
 */
export function canonicalCharset(label: string): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
  if (name === 'utf-8' || name.startsWith('utf-16')) return 'UTF-8';
  return name;
}
