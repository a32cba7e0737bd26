// One highlight as a block of plain text: a header line, the passage as a "> " quote, then
// the note. Used by `highlights` and by the Highlights section of `show`.
import type { Highlight } from '../../contract/highlights';
import { escapeControls } from './escape-controls';

const NOTE_LABEL = '  Note: ';

/**
 * The block for one highlight: `id · colour [· orphaned] [· title]`, the passage quoted line
 * by line, and the note when there is one. Every line has its controls escaped, so a passage
 * or note cannot fake output lines or drive the terminal.
 */
export function describeHighlight(highlight: Highlight, title?: string): string {
  const header = [
    highlight.id,
    highlight.color,
    highlight.orphaned ? 'orphaned (not found in the current text)' : null,
    title ?? null,
  ].filter((part): part is string => part !== null);
  const quote = textLines(highlight.exact).map((line) => (line ? `  > ${line}` : '  >'));
  const [first, ...more] = textLines(highlight.note.trim());
  const note = first
    ? [NOTE_LABEL + first, ...more.map((l) => ' '.repeat(NOTE_LABEL.length) + l)]
    : [];
  return [escapeControls(header.join(' · ')), ...quote, ...note].join('\n');
}

/** The text's lines (every kind of line break), each escaped and without trailing space. */
function textLines(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\u0085\u2028\u2029]/)
    .map((line) => escapeControls(line.replace(/\t/g, ' ').trimEnd()));
}
