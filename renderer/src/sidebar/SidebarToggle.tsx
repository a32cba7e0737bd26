interface Props {
  open: boolean;
  onToggle(): void;
}

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Shows or hides the sidebar (Ctrl/Cmd+\ does the same). */
export function SidebarToggle({ open, onToggle }: Props) {
  const label = open ? 'Hide sidebar' : 'Show sidebar';
  return (
    <button
      type="button"
      className="icon-button sidebar-toggle"
      aria-label={label}
      title={`${label} (${MOD}\\)`}
      onClick={onToggle}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
        <line x1="6" y1="2.5" x2="6" y2="13.5" />
      </svg>
    </button>
  );
}
