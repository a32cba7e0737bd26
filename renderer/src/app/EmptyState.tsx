interface Props {
  onPickFiles(): void;
  onPickFolder(): void;
  onSample(): void;
}

/** A new library: invite a drop, an import, or the bundled sample. */
export function EmptyState({ onPickFiles, onPickFolder, onSample }: Props) {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-art" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h1 id="empty-title">Your archive is empty</h1>
      <p>
        Drop text files or whole folders anywhere on this window, or import them. Each file becomes
        an article you can read, tag and search — everything stays on this computer.
      </p>
      <div className="empty-actions">
        <button type="button" className="button primary" onClick={onPickFiles}>
          Import files…
        </button>
        <button type="button" className="button" onClick={onPickFolder}>
          Import a folder…
        </button>
      </div>
      <p className="empty-sample">
        Just looking?{' '}
        <button type="button" className="link-button" onClick={onSample}>
          Import the sample articles
        </button>
      </p>
    </section>
  );
}
