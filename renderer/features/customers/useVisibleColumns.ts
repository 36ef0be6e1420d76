import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

export interface ColumnRange {
  /** Index of the first column whose cells are drawn. */
  first: number;
  /** Index of the last column whose cells are drawn. */
  last: number;
}

/**
 * The columns in view of a table that scrolls sideways, placed by their minimum widths: grid columns
 * sized minmax(min, fr) sit at their minimums when the table is wider than its box, and when it is not
 * every column is in view anyway. A 1280 px window shows about half of the customer list's columns;
 * drawing only those took ~50 ms off a fresh tab's first rows (A/B in Chromium), a third of it
 * because no cell in view formats money or dates, the first of which loads ICU's data. No column is
 * drawn ahead of the scroll for the same reason: the money column lies just past the view.
 */
export function useVisibleColumns(
  scrollRef: RefObject<HTMLElement | null>,
  widths: number[],
  { gap, padding, initialRect }: { gap: number; padding: number; initialRect: { width: number; height: number } },
): ColumnRange {
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: widths.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => widths[index]! + gap,
    paddingStart: padding,
    overscan: 0,
    initialRect,
  });
  const items = virtualizer.getVirtualItems();
  return { first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? widths.length - 1 };
}
