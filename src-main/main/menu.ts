import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/bridge/desktopApi';

export type AppMenuOptions = {
  platform: NodeJS.Platform;
  /** Called when the user picks a menu item the renderer acts on; main only forwards it. */
  onMenuCommand(command: MenuCommand): void;
};

export const buildAppMenuTemplate = ({
  platform,
  onMenuCommand,
}: AppMenuOptions): MenuItemConstructorOptions[] => [
  ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
  { role: 'fileMenu' },
  { role: 'editMenu' },
  { role: 'viewMenu' },
  { role: 'windowMenu' },
  {
    label: 'Developer',
    submenu: [{ label: 'Generate demo leads…', click: () => onMenuCommand('generate-demo-leads') }],
  },
];

export const installAppMenu = (options: AppMenuOptions): void => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate(options)));
};
