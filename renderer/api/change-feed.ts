import type { BridgeChange } from '../../electron/desktop/bridge-types';
import { setOffline } from './connection-state';

/**
 * Every change committed on the host, as it happens: over the desktop bridge (IPC push) in the desktop
 * window, over server-sent events in a browser. Returns the unsubscribe function. EventSource reconnects
 * by itself after a drop (the host says after how long).
 */
export function subscribeToChanges(onChange: (event: BridgeChange) => void, onReconnect: () => void): () => void {
  const bridge = window.officeCrm;
  if (bridge) return bridge.onChange(onChange, onReconnect);
  const source = new EventSource('/api/events');
  let dropped = false;
  source.onmessage = (message: MessageEvent<string>) => onChange(JSON.parse(message.data) as BridgeChange);
  source.onerror = () => {
    dropped = true;
    setOffline(true); // the banner probes until the host answers again
  };
  source.onopen = () => {
    // Changes made while the stream was down were missed: refetch what is shown.
    if (dropped) onReconnect();
    dropped = false;
  };
  return () => source.close();
}
