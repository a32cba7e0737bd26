/** Shown while files are dragged over the window. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <strong>Drop to import</strong>
        <span>Text files and folders of text files</span>
      </div>
    </div>
  );
}
