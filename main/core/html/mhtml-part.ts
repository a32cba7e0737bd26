// The HTML page inside an MHTML archive (a MIME multipart/related message, as browsers save
// "Web page, single file"): the first text/html part, its transfer encoding undone.
import { DecodeError } from '../text/decode';

/** The page's bytes and the charset its part header names (null when none). */
export interface MhtmlPage {
  bytes: Uint8Array;
  charset: string | null;
}

interface Part {
  headers: Map<string, string>;
  /** The part's body, one char per byte. */
  body: string;
}

/** The main HTML page of an MHTML file; a DecodeError when it holds none. */
export function mhtmlPage(bytes: Uint8Array): MhtmlPage {
  // Latin-1 maps each byte to one char and back, so byte offsets and contents survive.
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const top = splitPart(raw);
  const type = top.headers.get('content-type') ?? '';
  const boundary = parameter(type, 'boundary');
  const parts = /^\s*multipart\//i.test(type) && boundary ? bodyParts(top.body, boundary) : [top];
  const html = parts.find((p) => /^\s*text\/html\b/i.test(p.headers.get('content-type') ?? ''));
  if (!html) throw new DecodeError('the MHTML file holds no HTML page');
  const body = undoTransferEncoding(html);
  return {
    bytes: new Uint8Array(Buffer.from(body, 'latin1')),
    charset: parameter(html.headers.get('content-type') ?? '', 'charset'),
  };
}

/** Headers (names lower case, folded lines joined) and body of one MIME entity. */
function splitPart(text: string): Part {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function bodyParts(body: string, boundary: string): Part[] {
  const delimiter = `--${boundary}`;
  const parts: Part[] = [];
  // Each part starts on the line after a delimiter and ends at the line break before the next.
  for (const chunk of body.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    parts.push(splitPart(chunk.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '')));
  }
  return parts;
}

function undoTransferEncoding(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body, 'base64').toString('latin1');
  if (encoding === 'quoted-printable') {
    return part.body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return part.body;
}

/** A parameter of a header value (`boundary`, `charset`), unquoted, or null. */
function parameter(value: string, name: string): string | null {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
}
