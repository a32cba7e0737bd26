// The histogram: one bar per day, month or year. Dragging across it picks a range (a click
// picks one bar); from the keyboard, arrows move between bars, Shift+arrows widen the range,
// Enter filters by it and Escape lets it go.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimelineBucket, TimelineUnit } from '../../../main/contract/timeline';
import { articles, bucketLabel } from './timeline-format';

interface Props {
  unit: TimelineUnit;
  buckets: TimelineBucket[];
  /** A range of bars was picked (first and last index, inclusive). */
  onPick(first: number, last: number): void;
}

interface Span {
  anchor: number;
  end: number;
}

const ordered = (s: Span): [number, number] =>
  s.anchor <= s.end ? [s.anchor, s.end] : [s.end, s.anchor];

/** The bars, with a brush for the mouse and one for the keyboard. */
export function TimelineBars({ unit, buckets, onPick }: Props) {
  const [span, setSpan] = useState<Span | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const dragging = useRef(false);
  const box = useRef<HTMLDivElement | null>(null);
  const max = buckets.reduce((m, b) => Math.max(m, b.count), 0);
  const last = buckets.length - 1;
  const clamp = (i: number) => Math.max(0, Math.min(last, i));
  // Other bars (a range was picked, the view changed): the brush starts again, from the end.
  const barsKey = `${unit}|${buckets[0]?.from ?? ''}|${buckets.length}`;
  const [seenKey, setSeenKey] = useState(barsKey);
  if (seenKey !== barsKey) {
    setSeenKey(barsKey);
    setSpan(null);
    setCursor((c) => (c === null ? null : last));
  }

  const indexAt = (clientX: number): number => {
    const rect = box.current!.getBoundingClientRect();
    if (rect.width <= 0) return 0;
    return clamp(Math.floor(((clientX - rect.left) / rect.width) * buckets.length));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    box.current?.setPointerCapture?.(e.pointerId);
    dragging.current = true;
    const i = indexAt(e.clientX);
    setSpan({ anchor: i, end: i });
    setCursor(i);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const i = indexAt(e.clientX);
    setSpan((s) => (s ? { ...s, end: i } : s));
    setCursor(i);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    box.current?.releasePointerCapture?.(e.pointerId);
    const i = indexAt(e.clientX);
    const picked = span ? { ...span, end: i } : { anchor: i, end: i };
    setSpan(null);
    onPick(...ordered(picked));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      PageUp: -12,
      PageDown: 12,
    };
    const at = cursor ?? last;
    let next: number | null = null;
    if (e.key in step) next = clamp(at + step[e.key]!);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    if (next !== null) {
      e.preventDefault();
      setCursor(next);
      if (e.shiftKey) setSpan((s) => ({ anchor: s?.anchor ?? at, end: next }));
      else setSpan(null);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (span) onPick(...ordered(span));
      else onPick(at, at);
      setSpan(null);
    } else if (e.key === 'Escape' && span) {
      e.preventDefault();
      e.stopPropagation();
      setSpan(null);
    }
  };

  const [lo, hi] = span ? ordered(span) : [-1, -1];
  const focusAt = cursor !== null ? clamp(cursor) : null;
  const spoken =
    span && lo !== hi
      ? `${bucketLabel(buckets[lo]!, unit)} to ${bucketLabel(buckets[hi]!, unit)}: ${articles(
          buckets.slice(lo, hi + 1).reduce((n, b) => n + b.count, 0),
        )}. Enter filters the list.`
      : focusAt !== null
        ? `${bucketLabel(buckets[focusAt]!, unit)}: ${articles(buckets[focusAt]!.count)}`
        : '';
  const mid = Math.floor(last / 2);
  return (
    <div className="timeline-chart">
      <div
        ref={box}
        className="timeline-bars"
        role="group"
        tabIndex={0}
        aria-label={`Articles by ${unit}. Drag across the bars, or use the arrow keys with Shift and Enter, to show a range.`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          dragging.current = false;
          setSpan(null);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setCursor((c) => c ?? last)}
        onBlur={() => setCursor(null)}
      >
        {buckets.map((b, i) => (
          <div
            key={b.from}
            className={
              'timeline-bar' +
              (i >= lo && i <= hi ? ' picked' : '') +
              (i === focusAt ? ' cursor' : '')
            }
            title={`${bucketLabel(b, unit)}: ${articles(b.count)}`}
            data-from={b.from}
            data-to={b.to}
            data-count={b.count}
          >
            <span
              className="timeline-fill"
              style={{
                height: b.count === 0 || max === 0 ? 0 : `max(2px, ${(100 * b.count) / max}%)`,
              }}
            />
          </div>
        ))}
      </div>
      <div className="timeline-axis" aria-hidden="true">
        {last === 0 ? (
          // One bar fills the chart: its label goes under its middle, not past the left edge.
          <span className="timeline-axis-only" style={{ left: '50%' }}>
            {bucketLabel(buckets[0]!, unit)}
          </span>
        ) : (
          <span style={{ left: 0 }}>{bucketLabel(buckets[0]!, unit)}</span>
        )}
        {last >= 4 && (
          <span style={{ left: `${(100 * (mid + 0.5)) / buckets.length}%` }}>
            {bucketLabel(buckets[mid]!, unit)}
          </span>
        )}
        {last > 0 && <span style={{ left: '100%' }}>{bucketLabel(buckets[last]!, unit)}</span>}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </div>
  );
}
