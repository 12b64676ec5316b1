/**
 * Where the renderer is loaded from, and which URLs count as "the app". Packaged builds are served from a custom
 * privileged scheme rather than file:// so that every response can carry a Content-Security-Policy header and the
 * app has a real origin of its own (file:// pages share one opaque origin with every other local file).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fairlead';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type RendererSource = {
  /** The URL the main window loads. */
  entryUrl: string;
  /** Decides whether a URL (of a frame, a navigation target, an IPC sender) belongs to the app itself. */
  isAppUrl(url: string): boolean;
};

const parseUrl = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

const isPackagedAppUrl = (url: URL): boolean => url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;

/**
 * In development electron-vite serves the renderer from a Vite dev server and passes its URL in
 * ELECTRON_RENDERER_URL; only that exact origin is trusted then, besides the packaged scheme.
 */
export const resolveRendererSource = (devServerUrl: string | undefined): RendererSource => {
  let devOrigin: string | undefined;
  if (devServerUrl !== undefined) {
    const parsed = parseUrl(devServerUrl);
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new Error(`ELECTRON_RENDERER_URL is not a valid http(s) URL: ${devServerUrl}`);
    }
    devOrigin = parsed.origin;
  }
  return {
    entryUrl: devServerUrl ?? APP_ENTRY_URL,
    isAppUrl(url) {
      const parsed = parseUrl(url);
      if (!parsed) return false;
      // WHATWG URL reports origin "null" for non-special schemes such as app://, so compare scheme and host.
      if (isPackagedAppUrl(parsed)) return true;
      return devOrigin !== undefined && parsed.origin === devOrigin;
    },
  };
};
