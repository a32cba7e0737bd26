// Text from articles, file names and messages may hold terminal control sequences (ESC ] 0 ;
// ... BEL retitles the window, ESC [ 2 J clears the screen), line breaks that fake extra output
// lines, and bidi controls that reorder what is shown (U+202E turns "txt.exe" into "exe.txt").
// Everything the CLI prints passes through here: controls are shown escaped, never obeyed.

// C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching controls is this module's job
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same, plus what whole output may keep: line ends, tabs, and the CLI's own bold on/off
// (markRanges), which the text it wraps has already been escaped for.
const UNSAFE_IN_OUTPUT =
  // eslint-disable-next-line no-control-regex -- as above
  /\x1b\[1m|\x1b\[22m|\r\n|[\n\t]|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const KEPT_IN_OUTPUT = new Set(['\x1b[1m', '\x1b[22m', '\r\n', '\n', '\t']);
// What JSON.stringify leaves raw (it escapes only C0, quotes and backslashes).
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, digits: number): string =>
  c.charCodeAt(0).toString(16).padStart(digits, '0');

/** "\x1b" for 8-bit controls, "\u202e" for the bidi controls: visible, and unambiguous. */
const visible = (c: string): string =>
  c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;

/** One field (a title, a path, a tag, a message): every control, line breaks included, escaped. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Whole output text: controls escaped, but its own line breaks, tabs and bold kept. */
export function escapeOutput(text: string): string {
  return text.replace(UNSAFE_IN_OUTPUT, (m) => (KEPT_IN_OUTPUT.has(m) ? m : visible(m)));
}

/**
 * A JSON document safe to `cat`: DEL, C1 and bidi controls written as \uXXXX. They can only
 * occur inside strings, where the escape decodes to the same character, so the document
 * still parses to the same value.
 */
export function escapeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}
