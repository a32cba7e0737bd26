// Another version against the open article, sentence by sentence: sentences only the other
// version has are marked as added (<ins>), those it lacks as removed (<del>). Text nodes only.
import type { DiffSegment } from '../../../main/contract/versions';

interface Props {
  segments: readonly DiffSegment[];
  /** The article's language, for the text's shaping and direction. */
  lang?: string;
}

/** The diff as running text; the marks also say "added" and "removed" to screen readers. */
export function VersionDiff({ segments, lang }: Props) {
  return (
    <div
      className="versions-diff"
      lang={lang}
      dir="auto"
      tabIndex={0}
      role="region"
      aria-label="Differences from the open article"
    >
      {segments.map((s, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'added' ? (
          <ins key={i} className="diff-added">
            <span className="visually-hidden">[added] </span>
            {s.text}
          </ins>
        ) : (
          <del key={i} className="diff-removed">
            <span className="visually-hidden">[removed] </span>
            {s.text}
          </del>
        ),
      )}
    </div>
  );
}
