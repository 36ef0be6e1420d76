import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { useNativeBinding } from '../db/connection.js';
import { DatabaseTooNewError } from '../db/migrate.js';
import { APP_ROOT, APP_VERSION, PRODUCT_NAME, RENDERER_DIR } from './app-info.js';
import { serveAppRequest } from './desktop/app-protocol.js';
import { registerApiBridge } from './desktop/ipc-api.js';
import { notifyBackupFailures } from './desktop/backup-notification.js';
import { showReminderNotification } from './desktop/reminder-notification.js';
import { electronBindingPath } from './desktop/native-binding.js';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  createNavigationGuard,
  isAppUrl,
  isPermissionAllowed,
  secureWebPreferences,
} from './desktop/security.js';
import { CopyBackend } from './client/copy-backend.js';
import { resolveSession } from './services/auth.service.js';

const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs');

let backend: CopyBackend | null = null;
let stopBridge: (() => void) | null = null;
let mainWindow: BrowserWindow | null = null;
/** Users signed in on this desktop's windows: their reminders also show as native notifications. */
let desktopUserIds = new Set<number>();

// Must happen before 'ready': a standard, secure scheme gets a real origin, so 'self' in the CSP and
// the sender check mean exactly the app's own files. codeCache: the window's scripts start from V8's
// compiled code after the first start instead of parsing ~1 MB anew each time (in Chromium without a
// code cache, parsing the libraries took 120-160 ms of a fresh renderer's first screen: bench traces).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

/** The unpackaged app loads the Electron build that `npm start` prepared; packaged apps were rebuilt by electron-builder. */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const path = electronBindingPath(APP_ROOT, process.versions.electron);
  if (!existsSync(path)) {
    throw new Error(`better-sqlite3 has not been built for Electron ${process.versions.electron} (${path}). Start the app with \`npm start\`, which builds it.`);
  }
  return path;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: { ...secureWebPreferences(PRELOAD), devTools: !app.isPackaged },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function showAbout(): void {
  const { electron, chrome, node } = process.versions;
  void dialog.showMessageBox({
    type: 'info',
    title: `About ${PRODUCT_NAME}`,
    message: `${PRODUCT_NAME} ${APP_VERSION}`,
    detail: `Electron ${electron}, Chromium ${chrome}, Node ${node}`,
  });
}

function applicationMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Help', submenu: [{ label: `About ${PRODUCT_NAME}`, click: showAbout }] },
  ];
  return Menu.buildFromTemplate(template);
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, RENDERER_DIR));

  // The owner's PC keeps the office database; a colleague's copy works against it over the network.
  // A fresh install asks which (in the window); native notifications come from a local database only.
  useNativeBinding(nativeBinding());
  backend = await CopyBackend.start({
    dataDir: app.getPath('userData'),
    onReminder: (reminder) => {
      if (desktopUserIds.has(reminder.userId)) showReminderNotification(reminder, app.getLocale(), focusMainWindow);
    },
    onLocalHost: (host) => notifyBackupFailures(host.backups, app.getLocale(), focusMainWindow),
  });
  const current = backend;
  stopBridge = registerApiBridge(ipcMain, current, {
    isAppUrl,
    origin: APP_ORIGIN,
    onSessionsChange: (tokens) => {
      const services = current.host?.services;
      if (!services) return;
      void Promise.all(tokens.map((token) => resolveSession(services, token))).then((users) => {
        desktopUserIds = new Set(users.flatMap((user) => (user ? [user.id] : [])));
      });
    },
  });
  Menu.setApplicationMenu(applicationMenu());
  mainWindow = createWindow();
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Nothing is repaired or replaced on failure: the user sees why, and the data folder stays as it was. */
function failStart(error: unknown): void {
  const title = error instanceof DatabaseTooNewError ? 'This database needs a newer version' : `${PRODUCT_NAME} could not start`;
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.quit();
}

if (!app.requestSingleInstanceLock()) {
  // Two processes on one SQLite file would fight over it: the first instance takes over.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  // Every webContents, including any a bug might create, gets the same guard.
  const guard = createNavigationGuard((url) => void shell.openExternal(url));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', guard.onNavigate);
    contents.on('will-redirect', guard.onNavigate);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(guard.onWindowOpen);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && !mainWindow) mainWindow = createWindow();
  });

  app.on('will-quit', (event) => {
    if (!backend) return;
    // Closing the database is async: hold the quit until it is done, then quit again.
    event.preventDefault();
    const closing = backend;
    backend = null;
    stopBridge?.();
    closing
      .close()
      .catch((error: unknown) => console.error('Closing the database failed:', error))
      .finally(() => app.quit());
  });

  app.whenReady().then(start).catch(failStart);
}
