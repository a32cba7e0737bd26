import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, type MouseEvent } from 'react';
import { ArticleRow, type Row } from './ArticleRow';

export const ROW_HEIGHT = 118;

interface Props {
  count: number;
  rowAt(index: number): Row | undefined;
  loadRange(start: number, end: number): void;
  selected: ReadonlySet<string>;
  focus: number | null;
  openId: string | null;
  /** Changes whenever the rows' data does, so memoised rows re-render. */
  dataVersion: unknown;
  label: string;
  onRowClick(index: number, e: MouseEvent): void;
  onKeyDown(e: React.KeyboardEvent<HTMLDivElement>): void;
}

export interface ArticleListHandle {
  focus(): void;
  scrollToIndex(index: number): void;
}

/** The virtualised list: only rows in view exist, pages load as they scroll in. */
export const ArticleList = forwardRef<ArticleListHandle, Props>(function ArticleList(props, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
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
    if (props.focus !== null && props.focus < props.count) {
      virtualizer.scrollToIndex(props.focus, { align: 'auto' });
    }
  }, [props.focus, props.count, virtualizer]);

  const active =
    props.focus !== null && props.focus < props.count ? `row-${props.focus}` : undefined;
  return (
    <div
      ref={scroller}
      className="list-scroller"
      role="listbox"
      aria-label={props.label}
      aria-multiselectable="true"
      aria-activedescendant={active}
      tabIndex={0}
      onKeyDown={props.onKeyDown}
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
              selected={row ? props.selected.has(row.meta.id) : false}
              focused={props.focus === item.index}
              open={row ? row.meta.id === props.openId : false}
              onClick={props.onRowClick}
            />
          );
        })}
      </div>
    </div>
  );
});
