import type { CSSProperties, ReactNode } from 'react';
import classes from './cells.module.css';

interface CellBadgeProps {
  /** A Mantine colour name (gray, blue, …). */
  color: string;
  /** Outlined, in the text's own case (tags); light and upper case otherwise (stages). */
  outline?: boolean;
  children: ReactNode;
}

/** Mantine's small Badge as one span, for table cells (see cells.module.css). */
export function CellBadge({ color, outline = false, children }: CellBadgeProps) {
  const style = outline
    ? { '--badge-color': `var(--mantine-color-${color}-outline)` }
    : { '--badge-color': `var(--mantine-color-${color}-light-color)`, '--badge-bg': `var(--mantine-color-${color}-light)` };
  return (
    <span className={classes.badge} data-variant={outline ? 'outline' : 'light'} style={style as CSSProperties}>
      {children}
    </span>
  );
}
