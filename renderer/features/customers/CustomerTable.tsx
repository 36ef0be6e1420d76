import { Skeleton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import type { CustomerListItem, CustomerSortKey } from '../../api/types';
import classes from './CustomerTable.module.css';
import { useCustomerColumns, type CustomerColumn } from './useCustomerColumns';
import type { SortDirection } from './useCustomerListParams';
import { useVisibleColumns, type ColumnRange } from './useVisibleColumns';

const ROW_HEIGHT = 44;
// Match the .header/.row padding and gap in CustomerTable.module.css.
const COLUMN_GAP = 12;
const PADDING_X = 12;
/**
 * The rows' box in a desktop window until the table is measured, for the very first render: below the
 * header, the page's title, search and two lines of filters (~310 px at 1280 px wide), right of the
 * navigation and the page's padding (~255 px). Measuring first cost another render pass before any
 * row showed; sized to the whole window, a third of the rows and a few columns (the first with a date,
 * which makes a fresh tab load ICU's data) were drawn only to be dropped once it was measured.
 */
const initialRect = () => ({
  width: Math.max(0, window.innerWidth - 255),
  height: Math.max(0, window.innerHeight - 310),
});

interface CustomerTableProps {
  items: CustomerListItem[];
  hasMore: boolean;
  loadMore: () => void;
  sort: CustomerSortKey;
  direction: SortDirection;
  onSort: (sort: CustomerSortKey, direction: SortDirection) => void;
}

/** Only the rows in view are in the DOM; scrolling near the end asks for the next page. */
export function CustomerTable({ items, hasMore, loadMore, sort, direction, onSort }: CustomerTableProps) {
  const columns = useCustomerColumns();
  const gridTemplateColumns = columns
    .map((c) => (c.grow ? `minmax(${c.minWidth}px, ${c.grow}fr)` : `${c.minWidth}px`))
    .join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.minWidth + COLUMN_GAP, PADDING_X * 2);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = items.length + (hasMore ? 1 : 0);
  // The rows and the columns start from the same estimate of the table's box, taken once.
  const [firstRect] = useState(initialRect);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
    initialRect: firstRect,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const { first, last } = useVisibleColumns(
    scrollRef,
    columns.map((c) => c.minWidth),
    { gap: COLUMN_GAP, padding: PADDING_X, initialRect: firstRect },
  );
  const lastIndex = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 1) loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);

  const sortBy = (column: CustomerColumn) => {
    if (!column.sort) return;
    if (column.sort === sort) onSort(sort, direction === 'asc' ? 'desc' : 'asc');
    else onSort(column.sort, column.descendingFirst ? 'desc' : 'asc');
  };

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      data-testid="customer-table"
    >
      <div style={{ minWidth }}>
        <div className={classes.header} role="row" style={{ gridTemplateColumns }}>
          {columns.map((column) => (
            <div
              key={column.key}
              role="columnheader"
              className={classes.cell}
              aria-sort={column.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {column.sort ? (
                <button
                  type="button"
                  className={classes.sortButton}
                  onClick={() => sortBy(column)}
                  data-testid={`sort-${column.sort}`}
                >
                  <span className={classes.cell}>{column.label}</span>
                  <SortIcon active={column.sort === sort} direction={direction} />
                </button>
              ) : (
                column.label
              )}
            </div>
          ))}
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((virtualRow) => (
            <CustomerRow
              key={virtualRow.key}
              index={virtualRow.index}
              start={virtualRow.start}
              height={virtualRow.size}
              customer={items[virtualRow.index]}
              columns={columns}
              first={first}
              last={last}
              gridTemplateColumns={gridTemplateColumns}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface CustomerRowProps extends ColumnRange {
  index: number;
  start: number;
  height: number;
  /** Absent: the row of the page still loading. */
  customer: CustomerListItem | undefined;
  columns: CustomerColumn[];
  gridTemplateColumns: string;
}

/** Memoized: the table re-renders as it is measured and scrolled, and rows already shown stay as they are. */
const CustomerRow = memo(function CustomerRow({ index, start, height, customer, columns, first, last, gridTemplateColumns }: CustomerRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes.row}
      style={{ gridTemplateColumns, height, transform: `translateY(${start}px)` }}
      data-testid={customer ? 'customer-row' : 'customer-row-loading'}
    >
      {customer ? (
        <>
          {/* Holds the grid tracks of the columns scrolled out of view on the left. */}
          {first > 0 && <div style={{ gridColumn: `span ${first}` }} />}
          {columns.slice(first, last + 1).map((column, i) => (
            <div key={column.key} role="cell" aria-colindex={first + i + 1} className={classes.cell}>
              {column.render(customer)}
            </div>
          ))}
        </>
      ) : (
        <Skeleton height={12} style={{ gridColumn: '1 / -1' }} />
      )}
    </div>
  );
});

function SortIcon({ active, direction }: { active: boolean; direction: SortDirection }) {
  if (!active) return <IconArrowsSort size={14} opacity={0.4} />;
  return direction === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />;
}
