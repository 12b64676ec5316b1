import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import type { SaveFileRequest, SaveFileResult } from '../../src-shared/bridge/desktopApi';

/**
 * Asks the user where to save, then writes the text as UTF-8. The renderer only suggests a bare file name (the
 * contract refuses path separators); the path itself always comes from the user's choice in the OS dialog.
 */
export const saveFileWithDialog = async (
  request: SaveFileRequest,
  parentWindow: BrowserWindow | null,
): Promise<SaveFileResult> => {
  const options: SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), request.suggestedName),
    filters: request.filters.map(({ name, extensions }) => ({ name, extensions: [...extensions] })),
  };
  const choice = parentWindow
    ? await dialog.showSaveDialog(parentWindow, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false, reason: 'cancelled' };

  try {
    await writeFile(choice.filePath, request.content, 'utf8');
    return { saved: true, path: choice.filePath };
  } catch (error) {
    return {
      saved: false,
      reason: 'failed',
      message: error instanceof Error ? error.message : String(error),
    };
  }
};
