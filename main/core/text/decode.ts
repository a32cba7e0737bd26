// Turns the bytes of a text file into a string, or explains why it cannot.
import type * as Chardet from 'chardet';
import type * as IconvLite from 'iconv-lite';
import { lazyPackage } from '../lazy-package';
import { detectUtf16WithoutBom, hasNulBytes } from './binary-sniff';
import { looksLikeLatin9 } from './latin9';
import { plausibility } from './plausibility';

// Most texts are UTF-8 and decode without either package.
const chardet = lazyPackage<typeof Chardet>('chardet');
const iconv = lazyPackage<typeof IconvLite>('iconv-lite');

/** Why a file could not be read as text; the message is shown to people as is. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface DecodedText {
  text: string;
  /** Name of the encoding used, as iconv-lite / the WHATWG spec spell it. */
  encoding: string;
  /**
   * True when nothing in the bytes settled the encoding (no BOM, not valid UTF-8, not UTF-16)
   * and a legacy one was picked by statistics: a best guess that may be wrong, such as
   * UTF-8 with one broken sequence read as windows-1252 ("cafÃ").
   */
  guessed: boolean;
}

// The ISO names chardet reports decode C1 controls where Windows code pages have
// printable characters (smart quotes, euro); browsers make the same substitution. Only
// windows-1252 and -1254 agree with their ISO twin on every other byte; the others move
// letters (ISO-8859-2 ś ą ź, ISO-8859-7 Ά), so they are substituted only when the file holds
// bytes 0x80-0x9F, which no text in the ISO encoding contains.
const WINDOWS_SUPERSET: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-6': 'windows-1256',
  'iso-8859-8': 'windows-1255',
  'iso-8859-7': 'windows-1253',
  'iso-8859-2': 'windows-1250',
};

// A decode is trusted without looking further when this share of its non-ASCII
// characters are letters of one script or common punctuation.
const GOOD_ENOUGH = 0.9;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes file bytes: BOM, then strict UTF-8, then chardet candidates, then windows-1252. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = decodeByBom(bytes);
  if (bom) return checkText(bom);
  const utf16 = detectUtf16WithoutBom(bytes);
  if (utf16) {
    const text = iconv().decode(Buffer.from(bytes), utf16);
    return checkText({ text, encoding: utf16, guessed: false });
  }
  if (hasNulBytes(bytes)) throw new DecodeError('file looks binary (it contains NUL bytes)');
  try {
    return checkText({ text: utf8.decode(bytes), encoding: 'UTF-8', guessed: false });
  } catch (e) {
    // Not UTF-8 (a TypeError from the strict decoder): the legacy encodings are tried next.
    if (e instanceof DecodeError) throw e;
  }
  return checkText({ ...decodeLegacy(bytes), guessed: true });
}

function decodeByBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    try {
      return { text: utf8.decode(bytes.subarray(3)), encoding: 'UTF-8', guessed: false };
    } catch {
      // The strict decoder's TypeError says only "not valid"; the message below says more.
      throw new DecodeError('file starts with a UTF-8 byte order mark but is not valid UTF-8');
    }
  }
  if (a === 0xff && b === 0xfe) {
    const text = iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
    return { text, encoding: 'UTF-16LE', guessed: false };
  }
  if (a === 0xfe && b === 0xff) {
    const text = iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16be');
    return { text, encoding: 'UTF-16BE', guessed: false };
  }
  return null;
}

type Legacy = Omit<DecodedText, 'guessed'>;

function decodeLegacy(bytes: Uint8Array): Legacy {
  const buffer = Buffer.from(bytes);
  const seen = new Set<string>();
  let best: { decoded: Legacy; score: number } | null = null;
  const candidates = chardet()
    .analyse(buffer)
    .map((m) => m.name);
  const hasC1 = buffer.some((b) => b >= 0x80 && b <= 0x9f);
  for (const name of [...candidates, 'windows-1252']) {
    const encoding = windowsVariant(name, hasC1, buffer);
    const key = encoding.toLowerCase();
    if (seen.has(key) || key === 'utf-8' || key === 'ascii' || !iconv().encodingExists(encoding)) {
      continue;
    }
    seen.add(key);
    const text = iconv().decode(buffer, encoding);
    const score = plausibility(text);
    if (score >= GOOD_ENOUGH) return { text, encoding };
    if (!best || score > best.score) best = { decoded: { text, encoding }, score };
  }
  if (best && best.score > 0) return best.decoded;
  throw new DecodeError('file is not text in any known encoding (it looks binary)');
}

const EXACT_SUPERSETS = new Set(['iso-8859-1', 'iso-8859-9']);

function windowsVariant(name: string, hasC1: boolean, bytes: Uint8Array): string {
  const lower = name.toLowerCase();
  if (lower === 'iso-8859-1' && !hasC1 && looksLikeLatin9(bytes)) return 'ISO-8859-15';
  const windows = WINDOWS_SUPERSET[lower];
  return windows && (hasC1 || EXACT_SUPERSETS.has(lower)) ? windows : name;
}

// Control characters other than tab, line feed, carriage return and form feed.
const CONTROL = /(?![\t\n\r\f])\p{Cc}/gu;

/** Rejects decodes that would store replacement characters or look like binary data. */
function checkText(decoded: DecodedText): DecodedText {
  const { text } = decoded;
  if (text.includes('\ufffd')) {
    throw new DecodeError(
      `file contains bytes that are not valid ${decoded.encoding} (they would turn into U+FFFD)`,
    );
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  // Real articles carry a few stray controls (DOS end-of-file marks, SUB runs used as
  // separators in pasted poetry); binary data without NULs is dense with them.
  if (controls > Math.max(16, text.length / 50)) {
    throw new DecodeError(`file looks binary (it contains ${controls} control characters)`);
  }
  return decoded;
}

/** Decodes bytes with an encoding found earlier by `decodeBytes` (for reading stored articles). */
export function decodeWithEncoding(bytes: Uint8Array, encoding: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lower = encoding.toLowerCase();
  if (lower === 'utf-8') return buffer.toString('utf8').replace(/^\ufeff/, '');
  const bomLength = lower === 'utf-16le' || lower === 'utf-16be' ? bomLengthOf(bytes) : 0;
  return iconv().decode(buffer.subarray(bomLength), encoding);
}

function bomLengthOf(bytes: Uint8Array): number {
  const [a, b] = bytes;
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) ? 2 : 0;
}
