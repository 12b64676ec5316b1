import type { Session, WebContents, WebPreferences } from 'electron';

/**
 * Sent as a response header on everything the app:// protocol serves (the renderer's index.html repeats it in a
 * meta tag). connect-src allows the sync server, which runs on localhost in development and the embedded setup,
 * or on a configured https URL.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The renderer is untrusted web content: isolated, sandboxed, and without Node. */
export const secureWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
});

/**
 * Applied to every WebContents the app ever creates (via app.on('web-contents-created')), so a window opened by
 * some later code path cannot forget it: no popups, no navigation away from the app, no <webview>.
 */
export const hardenWebContents = (contents: WebContents, isAppUrl: (url: string) => boolean): void => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  const refuseForeignNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => refuseForeignNavigation(event, event.url));
  contents.on('will-redirect', (event) => refuseForeignNavigation(event, event.url));

  contents.on('will-attach-webview', (event) => event.preventDefault());
};

/** The CRM needs no camera, microphone, notifications, geolocation, etc.; every request and check is refused. */
export const denyAllPermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
};
