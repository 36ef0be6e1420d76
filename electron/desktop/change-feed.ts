import type { BridgeChange } from './bridge-types.js';

/**
 * Reads a server-sent-events body (the host's /api/events) and hands each change to `onChange`.
 * Resolves when the stream ends (session over, host gone); `cancel()` ends it from this side.
 */
export function readChangeStream(body: ReadableStream<Uint8Array>, onChange: (change: BridgeChange) => void) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const done = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (ended) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of message.split('\n')) {
          if (line.startsWith('data: ')) onChange(JSON.parse(line.slice(6)) as BridgeChange);
        }
      }
    }
  })();
  return { done, cancel: () => void reader.cancel().catch(() => undefined) };
}
