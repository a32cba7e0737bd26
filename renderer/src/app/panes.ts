// F6 order: each pane and the control inside it that takes focus when the pane is entered.
const PANES = [
  { pane: '.sidebar-pane', target: '[aria-current="page"]' },
  { pane: '.list-pane', target: '.list-scroller, input[type="search"]' },
  { pane: '.reader-pane', target: '.reader-scroller, button' },
];

/** Moves focus to the next (or previous) pane that is on the page. */
export function cyclePanes(delta: 1 | -1): void {
  // A pane hidden by the one-pane layout is inert: F6 skips it.
  const panes = PANES.map((p) => document.querySelector<HTMLElement>(p.pane)).filter(
    (el): el is HTMLElement => el !== null && el.closest('[inert]') === null,
  );
  if (panes.length === 0) return;
  const at = panes.findIndex((el) => el.contains(document.activeElement));
  // From outside every pane, F6 starts at the first pane and Shift+F6 at the last.
  const from = at === -1 ? (delta === 1 ? -1 : panes.length) : at;
  const next = panes[(from + delta + panes.length) % panes.length];
  const spec = PANES.find((p) => next?.matches(p.pane));
  (next?.querySelector<HTMLElement>(spec?.target ?? 'button') ?? next)?.focus();
}

/** The sidebar's current view: where focus goes when the control that had it is gone. */
export const currentViewButton = (): HTMLElement | null =>
  document.querySelector<HTMLElement>('.sidebar [aria-current="page"]');
