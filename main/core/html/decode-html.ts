// Turns the bytes of an HTML page into a string: the page's own declaration first, then the
// same detection as for text files.
import type * as IconvLite from 'iconv-lite';
import { lazyPackage } from '../lazy-package';
import { hasNulBytes } from '../text/binary-sniff';
import { decodeBytes, decodeWithEncoding, DecodeError, type DecodedText } from '../text/decode';
import { declaredCharset } from './declared-charset';

const iconv = lazyPackage<typeof IconvLite>('iconv-lite');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a page with the encoding its BOM or meta tag declares when the bytes fit it, else
 * with the text-file decoder. `declared` overrides the page's own (an MHTML part's header).
 */
export function decodeHtml(bytes: Uint8Array, declared?: string | null): DecodedText {
  const encoding = declared ?? declaredCharset(bytes);
  if (encoding !== null && fits(bytes, encoding)) {
    // Decoded the way a stored original is read back, so import and reading agree.
    return { text: decodeWithEncoding(bytes, encoding), encoding, guessed: false };
  }
  return decodeBytes(bytes);
}

function fits(bytes: Uint8Array, encoding: string): boolean {
  if (!iconv().encodingExists(encoding)) return false;
  const lower = encoding.toLowerCase();
  if (lower.startsWith('utf-16')) return true;
  if (hasNulBytes(bytes)) throw new DecodeError('file looks binary (it contains NUL bytes)');
  if (lower !== 'utf-8') return true;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    // A page declaring UTF-8 that is not (often saved by an editor in a legacy encoding).
    return false;
  }
}
