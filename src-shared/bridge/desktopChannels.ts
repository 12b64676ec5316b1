/**
 * IPC channel names, shared by preload (invoke / on) and main (handle / send) so neither side can drift. Kept free
 * of zod and of everything else so the sandboxed preload bundles nothing but these strings.
 */
export const desktopChannels = {
  appVersion: 'desktop:app-version',
  secureStorageStatus: 'desktop:secure-storage:status',
  secureStorageSet: 'desktop:secure-storage:set',
  secureStorageGet: 'desktop:secure-storage:get',
  secureStorageDelete: 'desktop:secure-storage:delete',
  saveFile: 'desktop:save-file',
} as const;

export type DesktopChannel = (typeof desktopChannels)[keyof typeof desktopChannels];

/**
 * Commands the application menu sends to the renderer (main -> renderer events), each on its own channel in
 * `desktopMenuChannels`. The browser implementation has no application menu and never emits them.
 */
export const desktopMenuChannels = {
  'generate-demo-leads': 'desktop:menu:generate-leads',
} as const;
export type MenuCommand = keyof typeof desktopMenuChannels;
export const menuCommands = Object.keys(desktopMenuChannels) as MenuCommand[];
