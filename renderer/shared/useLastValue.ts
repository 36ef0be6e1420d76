import { useState } from 'react';

/**
 * The value while it is set, else the last one it had: a closing dialog keeps its text through the
 * close animation instead of showing blanks.
 */
export function useLastValue<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  // Adjusting state while rendering (React's documented pattern for state derived from a changing prop).
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}
