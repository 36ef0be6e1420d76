import type { ChangeEvent, EventBus } from '../events.js';

export const EVENTS_PATH = '/api/events';
/** A comment line this often keeps proxies and idle-connection timers from closing the stream… */
const HEARTBEAT_MS = 20_000;

export interface EventStreamOptions {
  events: EventBus;
  /** …and at each heartbeat the session is checked again, so a stream ends with its session. */
  stillSignedIn(): Promise<boolean>;
  heartbeatMs?: number;
}

/**
 * Server-sent events: every change committed on the host, as `data: {entity, id, op}` lines, so open
 * lists and pages refetch what changed. The event names the record only; what a user may see of it is
 * decided by the procedures the client then calls.
 */
export function changeEventStream({ events, stillSignedIn, heartbeatMs = HEARTBEAT_MS }: EventStreamOptions): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop(); // the reader went away between two events
        }
      };
      const unsubscribe = events.subscribe((event: ChangeEvent) => send(`data: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => {
        void stillSignedIn().then((ok) => {
          if (ok) return send(': still here\n\n');
          stop();
          controller.close();
        });
      }, heartbeatMs);
      stop = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      // Tells the client the stream is live, and how long to wait before reconnecting after a drop.
      send('retry: 2000\n: connected\n\n');
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}
