import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appUrl';
import { CONTENT_SECURITY_POLICY } from './security';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

const errorResponse = (status: number, message: string): Response =>
  new Response(message, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });

const isMissingFile = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
};

/**
 * Must run before app 'ready'. `standard` gives app:// a real origin (IndexedDB, relative URLs), `secure` makes it
 * a secure context (WebCrypto, no mixed-content downgrade); it is deliberately not allowed to bypass CSP.
 */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
};

/**
 * Serves files of the built renderer folder and nothing outside it. Paths that resolve outside `rendererDir`
 * (e.g. encoded `..%2F`) are refused; extension-less paths that are not files fall back to index.html so a reload
 * on a client-side route still loads the app.
 */
export const createRendererFileHandler = (rendererDir: string) => {
  const root = path.resolve(rendererDir);

  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return errorResponse(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return errorResponse(405, 'Method not allowed');
    }

    let requestedPath: string;
    try {
      requestedPath = decodeURIComponent(url.pathname);
    } catch {
      return errorResponse(400, 'Bad request');
    }
    if (requestedPath.includes('\0')) return errorResponse(400, 'Bad request');
    if (requestedPath.endsWith('/')) requestedPath += 'index.html';

    const filePath = path.join(root, requestedPath);
    const relative = path.relative(root, filePath);
    if (
      relative === '' ||
      relative === '..' ||
      relative.startsWith(`..${path.sep}`) ||
      path.isAbsolute(relative)
    ) {
      return errorResponse(403, 'Forbidden');
    }

    const extension = path.extname(filePath).toLowerCase();
    const candidates = extension === '' ? [filePath, path.join(root, 'index.html')] : [filePath];
    for (const candidate of candidates) {
      try {
        const body = await readFile(candidate);
        const type = contentTypes[path.extname(candidate).toLowerCase()] ?? 'application/octet-stream';
        return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
          status: 200,
          headers: { ...securityHeaders, 'Content-Type': type },
        });
      } catch (error) {
        if (!isMissingFile(error)) return errorResponse(500, 'Could not read file');
      }
    }
    return errorResponse(404, 'Not found');
  };
};

/** Must run after app 'ready'. */
export const handleAppProtocol = (rendererDir: string): void => {
  protocol.handle(APP_SCHEME, createRendererFileHandler(rendererDir));
};
