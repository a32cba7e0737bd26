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
