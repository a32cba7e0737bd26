import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { ListDensity } from '../../../main/contract/settings';
import { ArticleRow, type Row } from './ArticleRow';
import { useSelection } from './SelectionContext';

export const ROW_HEIGHT = 118;
/** Compact rows: title and the place, date and source line only. */
export const COMPACT_ROW_HEIGHT = 56;

interface Props {
  count: number;
  rowAt(index: number): Row | undefined;
  loadRange(start: number, end: number): void;
  /** Changes whenever the rows' data does, so memoised rows re-render. */
  dataVersion: unknown;
  label: string;
  /** True while the rows shown are about to be replaced by a newer query's. */
  busy: boolean;
  density?: ListDensity;
}

export interface ArticleListHandle {
  focus(): void;
  scrollToIndex(index: number): void;
}

/** The virtualised list: only rows in view exist, pages load as they scroll in. */
export const ArticleList = forwardRef<ArticleListHandle, Props>(function ArticleList(props, ref) {
  const { selectedSet, focus, openId, onRowClick, onListKey } = useSelection();
  const scroller = useRef<HTMLDivElement>(null);
  const compact = props.density === 'compact';
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: compact ? 12 : 6,
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  useImperativeHandle(
    ref,
    () => ({
      focus: () => scroller.current?.focus(),
      scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    }),
    [virtualizer],
  );

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { loadRange } = props;
  useEffect(() => {
    if (last >= first) loadRange(first, last);
  }, [first, last, loadRange, props.dataVersion]);

  useEffect(() => {
    if (focus !== null && focus < props.count) {
      virtualizer.scrollToIndex(focus, { align: 'auto' });
    }
  }, [focus, props.count, virtualizer]);

  const active = focus !== null && focus < props.count ? `row-${focus}` : undefined;
  return (
    <div
      ref={scroller}
      className={compact ? 'list-scroller compact' : 'list-scroller'}
      role="listbox"
      aria-label={props.label}
      aria-multiselectable="true"
      aria-activedescendant={active}
      aria-busy={props.busy}
      tabIndex={0}
      onKeyDown={onListKey}
    >
      <div className="list-inner" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const row = props.rowAt(item.index);
          return (
            <ArticleRow
              key={item.key}
              row={row}
              index={item.index}
              count={props.count}
              start={item.start}
              size={item.size}
              selected={row ? selectedSet.has(row.meta.id) : false}
              focused={focus === item.index}
              open={row ? row.meta.id === openId : false}
              onClick={onRowClick}
            />
          );
        })}
      </div>
    </div>
  );
});
