import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAppMenuTemplate } from '../../../src-main/main/menu';
import { startDesktopApp } from '../../../src-main/main/startup';
import type { DesktopAppOptions } from '../../../src-main/main/startup';
import { desktopChannels } from '../../../src-shared/bridge/desktopApi';
import {
  app,
  FakeBrowserWindow,
  FakeWebContents,
  fakePaths,
  ipcMain,
  Menu,
  protocol,
  resetFakeElectron,
  session,
} from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const options: DesktopAppOptions = {
  preloadPath: '/app/out/preload/index.cjs',
  rendererDir: '/app/out/renderer',
  devServerUrl: undefined,
  platform: 'linux',
};

const afterReady = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const onlyWindow = (): FakeBrowserWindow => {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow;
};

const findMenuItem = (
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined =>
  template
    .flatMap((item) => [item, ...(Array.isArray(item.submenu) ? item.submenu : [])])
    .find((item) => item.label === label);

beforeEach(() => {
  resetFakeElectron();
  fakePaths.userData = '/nonexistent/fairlead-user-data';
});

describe('startup', () => {
  it('quits at once when another instance holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    startDesktopApp(options);
    await afterReady();

    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('sandboxes everything and registers the scheme before ready, the rest after', async () => {
    startDesktopApp(options);
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(protocol.handle).not.toHaveBeenCalled();

    await afterReady();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(desktopChannels).sort());
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('app://fairlead/index.html');
    expect(onlyWindow().options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('hardens every web contents created later', () => {
    startDesktopApp(options);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);

    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('loads the dev server in development but never in a packaged app', async () => {
    startDesktopApp({ ...options, devServerUrl: 'http://localhost:5173' });
    await afterReady();
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173');

    resetFakeElectron();
    fakePaths.userData = '/nonexistent/fairlead-user-data';
    app.isPackaged = true;
    startDesktopApp({ ...options, devServerUrl: 'https://evil.example/' });
    await afterReady();
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('app://fairlead/index.html');
  });

  it.each([
    ['linux', true],
    ['win32', true],
    ['darwin', false],
  ] as const)('on %s, closing the last window quits: %s', (platform, quits) => {
    startDesktopApp({ ...options, platform });
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(quits ? 1 : 0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    startDesktopApp(options);
    await afterReady();
    app.emit('second-instance');
    expect(onlyWindow().focus).toHaveBeenCalled();
  });

  it('forwards "Generate demo leads…" to the renderer on its menu channel', async () => {
    startDesktopApp(options);
    await afterReady();
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    const item = findMenuItem(template, 'Generate demo leads…');
    expect(item?.click).toBeTypeOf('function');

    item?.click?.({} as never, undefined, {} as never);
    expect(onlyWindow().webContents.send).toHaveBeenCalledWith('desktop:menu:generate-leads');
  });
});

describe('application menu', () => {
  it('has the usual Edit, View and Window menus, plus the app menu on macOS only', () => {
    const onMenuCommand = vi.fn();
    const linux = buildAppMenuTemplate({ platform: 'linux', onMenuCommand }).map(
      (item) => item.role ?? item.label,
    );
    const mac = buildAppMenuTemplate({ platform: 'darwin', onMenuCommand }).map(
      (item) => item.role ?? item.label,
    );

    expect(linux).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'Developer']);
    expect(mac).toEqual(['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'Developer']);
  });
});
