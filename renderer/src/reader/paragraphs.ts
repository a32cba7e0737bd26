export interface Paragraph {
  /** A paragraph, or a kept block (list, table, verse) whose lines are separated by "\n". */
  text: string;
  /** Offset of the paragraph in the body, so match ranges can be mapped into it. */
  start: number;
}

/**
 * Splits a body into its blocks (separated by a blank line: the cleaner's format 2), keeping
 * their offsets. Lines inside a block stay in its text and show as line breaks.
 */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /(?:[^\n]|\n(?!\n))+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const text = m[0].replace(/^\n+|\n+$/g, '');
    if (text.trim()) out.push({ text, start: m.index + m[0].indexOf(text) });
  }
  return out;
}
