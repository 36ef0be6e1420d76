// CommonJS because sandboxed preloads cannot be ES modules, and they can require only 'electron' and a
// few built-ins, not our modules: the two names are repeated here, typed so tsc fails if they drift.
import electron = require('electron');
import type { API_CHANNEL, BRIDGE_GLOBAL, BridgeChange, BridgeRequest, CHANGE_CHANNEL, DesktopBridge, FEED_CHANNEL } from './desktop/bridge-types.js';

const bridgeGlobal: typeof BRIDGE_GLOBAL = 'officeCrm';
const apiChannel: typeof API_CHANNEL = 'crm:api';
const feedChannel: typeof FEED_CHANNEL = 'crm:feed';
const changeChannel: typeof CHANGE_CHANNEL = 'crm:change';

const bridge: DesktopBridge = {
  request: (request: BridgeRequest) => electron.ipcRenderer.invoke(apiChannel, request),
  onChange: (listener, onReconnect) => {
    // The page gets the change only, never the IPC event (which would expose ipcRenderer).
    const handler = (_event: unknown, change: BridgeChange | null) => (change ? listener(change) : onReconnect());
    electron.ipcRenderer.on(changeChannel, handler);
    void electron.ipcRenderer.invoke(feedChannel);
    return () => {
      electron.ipcRenderer.removeListener(changeChannel, handler);
    };
  },
};

electron.contextBridge.exposeInMainWorld(bridgeGlobal, bridge);
