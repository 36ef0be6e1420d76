import { Skeleton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { CustomerListItem, CustomerSortKey } from '../../api/types';
import classes from './CustomerTable.module.css';
import { useCustomerColumns, type CustomerColumn } from './useCustomerColumns';
import type { SortDirection } from './useCustomerListParams';

const ROW_HEIGHT = 44;
// Match the .header/.row padding and gap in CustomerTable.module.css.
const COLUMN_GAP = 12;
const PADDING_X = 12;

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
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
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
        {virtualRows.map((virtualRow) => {
          const customer = items[virtualRow.index];
          return (
            <div
              key={virtualRow.key}
              role="row"
              aria-rowindex={virtualRow.index + 2}
              className={classes.row}
              style={{ gridTemplateColumns, height: virtualRow.size, transform: `translateY(${virtualRow.start}px)` }}
              data-testid={customer ? 'customer-row' : 'customer-row-loading'}
            >
              {customer ? (
                columns.map((column) => (
                  <div key={column.key} role="cell" className={classes.cell}>
                    {column.render(customer)}
                  </div>
                ))
              ) : (
                <Skeleton height={12} style={{ gridColumn: '1 / -1' }} />
              )}
            </div>
          );
        })}
      </div>
      </div>
    </div>
  );
}

function SortIcon({ active, direction }: { active: boolean; direction: SortDirection }) {
  if (!active) return <IconArrowsSort size={14} opacity={0.4} />;
  return direction === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />;
}
