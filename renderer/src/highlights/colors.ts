import {
  DEFAULT_HIGHLIGHT_COLOR,
  HIGHLIGHT_COLORS,
  type HighlightColor,
} from '../../../main/contract/highlights';

/** Names of the highlight colours as people read them. */
export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** The colours other than the default, in the contract's order. */
export const OTHER_COLORS = HIGHLIGHT_COLORS.filter((c) => c !== DEFAULT_HIGHLIGHT_COLOR);

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** A highlight as one spoken sentence: colour, the passage (shortened) and the note. */
export function highlightLabel(h: {
  color: HighlightColor;
  exact: string;
  note: string;
  orphaned: boolean;
}): string {
  const parts = [`${COLOR_LABELS[h.color]} highlight: “${clip(h.exact, 120)}”`];
  if (h.orphaned) parts.push('(orphaned)');
  if (h.note) parts.push(`Note: ${clip(h.note, 120)}`);
  return parts.join(' ');
}
