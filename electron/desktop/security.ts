import type { WebPreferences } from 'electron';

/** The renderer is served from its own privileged scheme, so its origin is ours alone (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'office-crm';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The API travels over IPC, so the page needs no network at all: 'self' is the app scheme only.
 * Mantine sets inline style attributes, hence 'unsafe-inline' for styles (never for scripts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Whether a URL belongs to the app's own renderer. Parsed and compared part by part: a prefix or
 * substring test would let app://office-crm.evil or app://office-crm@evil through. Node parses the
 * custom scheme as non-special (origin "null"), so protocol and host are compared instead of origin.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** Only web links may leave the app, to the system browser: never file:, mailto-style handlers or custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
  };
}

export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/** Handlers for every webContents: the window only ever shows the app; web links open in the system browser. */
export function createNavigationGuard(openExternal: (url: string) => void) {
  return {
    /** will-navigate and will-redirect. */
    onNavigate(event: NavigationEvent): void {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      if (isExternalWebUrl(event.url)) openExternal(event.url);
    },
    /** setWindowOpenHandler: the app never opens a second window of its own. */
    onWindowOpen({ url }: { url: string }): { action: 'deny' } {
      if (isExternalWebUrl(url)) openExternal(url);
      return { action: 'deny' };
    },
  };
}

/**
 * Web permissions (camera, location, ...): none, except for the app itself writing to the clipboard and
 * showing notifications (a colleague's copy shows the office host's reminders through them).
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'notifications']);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
