// CommonJS because sandboxed preloads cannot be ES modules, and they can require only 'electron' and a
// few built-ins, not our modules: the two names are repeated here, typed so tsc fails if they drift.
import electron = require('electron');
import type { API_CHANNEL, BRIDGE_GLOBAL, BridgeRequest, DesktopBridge } from './desktop/bridge-types.js';

const bridgeGlobal: typeof BRIDGE_GLOBAL = 'officeCrm';
const apiChannel: typeof API_CHANNEL = 'crm:api';

const bridge: DesktopBridge = {
  request: (request: BridgeRequest) => electron.ipcRenderer.invoke(apiChannel, request),
};

electron.contextBridge.exposeInMainWorld(bridgeGlobal, bridge);
