import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children only once the screen around them has been painted, `fallback` until then:
 * for controls a first look can do without (a list's filters, the header's menus, the navigation).
 * On a slow PC their render and the re-renders their measurements cause held the list's first rows
 * back ~100 ms; the navigation's links and tooltips another ~30 ms in a fresh tab.
 */
export function AfterFirstPaint({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An animation frame runs just before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? children : fallback;
}
