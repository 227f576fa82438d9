/** Links that open a new tab are offered in a browser only: the desktop app opens no window. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inDesktopApp } from '../../renderer/src/lib/platform';

afterEach(() => vi.unstubAllGlobals());

describe('inDesktopApp', () => {
  it("recognises Electron's user agent, in the app's own window and in client mode alike", () => {
    vi.stubGlobal('navigator', {
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) pelita/0.1.0 Chrome/142.0.0.0 Electron/45.5.0 Safari/537.36',
    });
    expect(inDesktopApp()).toBe(true);
  });

  it('is false in Chromium, Edge and Firefox', () => {
    for (const userAgent of [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
    ]) {
      vi.stubGlobal('navigator', { userAgent });
      expect(inDesktopApp(), userAgent).toBe(false);
    }
  });
});
