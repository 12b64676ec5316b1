import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveFileWithDialog } from '../../../src-main/main/saveFile';
import type { SaveFileRequest } from '../../../src-shared/bridge/desktopApi';
import { dialog, FakeBrowserWindow, fakePaths, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;

const request: SaveFileRequest = {
  suggestedName: 'demo-2026-11-22.ics',
  content: 'BEGIN:VCALENDAR\nSUMMARY:Café demo\nEND:VCALENDAR\n',
  mimeType: 'text/calendar',
  filters: [{ name: 'Calendar', extensions: ['ics'] }],
};

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(path.join(tmpdir(), 'fairlead-save-file-'));
  fakePaths.documents = path.join(dir, 'Documents');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('save file', () => {
  it('suggests the name in Documents with the given filters, modal to the window', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const window = new FakeBrowserWindow({}) as unknown as BrowserWindow;

    await saveFileWithDialog(request, window);

    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: path.join(dir, 'Documents', 'demo-2026-11-22.ics'),
      filters: [{ name: 'Calendar', extensions: ['ics'] }],
    });
  });

  it('reports a cancelled dialog and writes nothing, even if a path came back with it', async () => {
    const notChosen = path.join(dir, 'not-chosen.ics');
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: notChosen });
    await expect(saveFileWithDialog(request, null)).resolves.toEqual({ saved: false, reason: 'cancelled' });
    await expect(readFile(notChosen, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('writes UTF-8 to the chosen path', async () => {
    const chosen = path.join(dir, 'chosen.ics');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });

    await expect(saveFileWithDialog(request, null)).resolves.toEqual({ saved: true, path: chosen });
    await expect(readFile(chosen, 'utf8')).resolves.toBe(request.content);
  });

  it('reports a write failure with its message', async () => {
    const impossible = path.join(dir, 'missing-folder', 'chosen.ics');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: impossible });

    const result = await saveFileWithDialog(request, null);
    expect(result).toMatchObject({ saved: false, reason: 'failed' });
    expect(result.saved === false && result.message).toMatch(/ENOENT/);
  });
});
