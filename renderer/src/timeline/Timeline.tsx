// The timeline above the list: the view's or the search's articles by month (by day for a
// short range, by year for a very long one), undated ones counted apart. Picking a range on
// it filters the list, shown as a removable "date: …" chip; the bars then span that range.
import type { TimelineQuery } from '../../../main/contract/timeline';
import type { Filters } from '../sidebar/Sidebar';
import { usePersistentState } from '../shared/usePersistentState';
import { TimelineBars } from './TimelineBars';
import { articles, rangeLabel } from './timeline-format';
import { useTimeline } from './useTimeline';

interface Props {
  /** The search shown in the list ('' for the view alone). */
  query: string;
  filters: Filters;
  onFilters(filters: Filters): void;
  /** The list shows one version of each story (not while searching). */
  hideVersions?: boolean;
  /** Changes whenever the list is fetched again: the bars are asked for again too. */
  refresh: unknown;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** The query the timeline counts: the list's, with the picked range. */
function timelineQuery(query: string, f: Filters, hideVersions: boolean): TimelineQuery {
  return {
    view: f.view,
    ...(f.tags.length > 0 ? { tags: f.tags } : {}),
    ...(f.place ? { place: f.place } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.collection ? { collection: f.collection } : {}),
    ...(query ? { query } : hideVersions ? { hideVersions } : {}),
    ...(f.from !== undefined ? { from: f.from } : {}),
    ...(f.to !== undefined ? { to: f.to } : {}),
  };
}

/** The histogram with its header: what it counts, the undated, the range chip. */
export function Timeline({ query, filters, onFilters, hideVersions = false, refresh }: Props) {
  const [open, setOpen] = usePersistentState('ar.timelineOpen', true, isBoolean);
  const timeline = useTimeline(timelineQuery(query, filters, hideVersions), refresh);
  const ranged = filters.from !== undefined || filters.to !== undefined;
  const clearRange = () => {
    const { from: _from, to: _to, ...rest } = filters;
    onFilters(rest);
  };
  if (timeline === null) return null;
  const { unit, buckets, dated, undated } = timeline;
  if (dated === 0 && undated === 0 && !ranged) return null;
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-head">
        <button
          type="button"
          className="timeline-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Timeline
        </button>
        <span className="timeline-counts">
          {dated > 0 ? `${articles(dated)} by ${unit}` : 'No dated articles'}
          {undated > 0 && (
            <span className="timeline-undated"> · {undated.toLocaleString('en-US')} undated</span>
          )}
        </span>
        {ranged && (
          <span className="timeline-chip">
            <span>date: {rangeLabel(filters.from, filters.to)}</span>
            <button
              type="button"
              className="timeline-chip-remove"
              aria-label={`Remove the date filter ${rangeLabel(filters.from, filters.to)}`}
              onClick={clearRange}
            >
              ×
            </button>
          </span>
        )}
      </div>
      {open && buckets.length > 0 && (
        <TimelineBars
          unit={unit}
          buckets={buckets}
          onPick={(first, last) =>
            onFilters({ ...filters, from: buckets[first]!.from, to: buckets[last]!.to })
          }
        />
      )}
    </section>
  );
}
