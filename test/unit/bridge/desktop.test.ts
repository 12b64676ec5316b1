// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserDesktop } from '../../../src-renderer/bridge/browserDesktop';
import { getDesktop } from '../../../src-renderer/bridge/desktop';
import type { DesktopApi, SaveFileRequest } from '../../../src-shared/bridge/desktopApi';

const request: SaveFileRequest = {
  suggestedName: 'leads-2026-11-22.csv',
  content: 'name;city\nAda;Zürich\n',
  mimeType: 'text/csv',
  filters: [{ name: 'CSV', extensions: ['csv'] }],
};

afterEach(() => {
  vi.useRealTimers();
  delete window.desktop;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('getDesktop', () => {
  it('returns the preload bridge when Electron exposed one', () => {
    const electronBridge = { platform: 'electron' } as DesktopApi;
    window.desktop = electronBridge;
    expect(getDesktop()).toBe(electronBridge);
  });

  it('falls back to one lazily created browser implementation', () => {
    const first = getDesktop();
    expect(first.platform).toBe('web');
    expect(getDesktop()).toBe(first);
  });
});

describe('browser saveFile', () => {
  const stubObjectUrls = () => {
    const created: Blob[] = [];
    // jsdom has no object URLs; a subclass keeps the rest of URL intact and is undone by unstubAllGlobals.
    class UrlWithObjectUrls extends URL {
      static override createObjectURL = vi.fn((blob: Blob) => {
        created.push(blob);
        return 'blob:fairlead/1';
      });
      static override revokeObjectURL = vi.fn();
    }
    vi.stubGlobal('URL', UrlWithObjectUrls);
    return { created, revokeObjectURL: UrlWithObjectUrls.revokeObjectURL };
  };

  it('downloads the content through a temporary <a download> link', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { created: blobs, revokeObjectURL } = stubObjectUrls();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
      expect(document.body.contains(this)).toBe(true);
    });

    await expect(createBrowserDesktop().saveFile(request)).resolves.toEqual({
      saved: true,
      path: 'leads-2026-11-22.csv',
    });

    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('leads-2026-11-22.csv');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:fairlead/1');
    expect(document.body.contains(clicked[0] ?? null)).toBe(false);
    expect(blobs[0]?.type).toBe('text/csv');
    await expect(blobs[0]?.text()).resolves.toBe(request.content);

    // Revoked later, not at once: revoking synchronously can cancel the download.
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:fairlead/1');
  });

  it('refuses a suggested name with a path separator', async () => {
    await expect(createBrowserDesktop().saveFile({ ...request, suggestedName: '../x.csv' })).rejects.toThrow(
      /path separator/,
    );
  });

  it('reports a failed download instead of throwing', async () => {
    stubObjectUrls();
    vi.mocked(URL.createObjectURL).mockImplementation(() => {
      throw new Error('blocked');
    });
    await expect(createBrowserDesktop().saveFile(request)).resolves.toEqual({
      saved: false,
      reason: 'failed',
      message: 'blocked',
    });
  });
});
