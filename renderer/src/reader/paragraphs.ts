export interface Paragraph {
  text: string;
  /** Offset of the paragraph in the body, so match ranges can be mapped into it. */
  start: number;
}

/** Splits a body into non-empty lines (each a paragraph), keeping their offsets. */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0].trim()) out.push({ text: m[0], start: m.index });
  }
  return out;
}
