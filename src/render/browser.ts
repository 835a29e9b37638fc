// Which Chromium renders the video. Remotion would download Chrome Headless Shell on first use; on machines
// that reach only package registries that fails, so a browser already here comes first: the one the user
// names, a system Chromium, then the Chromium that ships inside the @sparticuz/chromium npm package (Linux x64).
// Remotion's own download comes last, for machines with internet (macOS, Windows), and can be forbidden.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.ts';

/** How Remotion drives the binary: Chrome Headless Shell builds, or a full Chrome/Chromium in new headless mode. */
export type ChromeMode = 'headless-shell' | 'chrome-for-testing';

export interface BrowserChoice {
  /** null: Remotion's own Chrome Headless Shell, downloaded on first use. */
  executable: string | null;
  chromeMode: ChromeMode;
  /** Said in verbose logs and errors. */
  origin: string;
}

/** Set to "never" (the tests do) to refuse Remotion's browser download. */
export const BROWSER_DOWNLOAD_ENV = 'REMOTION_BROWSER_DOWNLOAD';

const SYSTEM_BROWSERS: ReadonlyArray<[name: string, mode: ChromeMode]> = [
  ['chromium-headless-shell', 'headless-shell'],
  ['chrome-headless-shell', 'headless-shell'],
  ['chromium', 'chrome-for-testing'],
  ['chromium-browser', 'chrome-for-testing'],
  ['google-chrome-stable', 'chrome-for-testing'],
  ['google-chrome', 'chrome-for-testing'],
];

export function chromeModeFor(executable: string): ChromeMode {
  return /headless[-_]shell/i.test(path.basename(executable)) ? 'headless-shell' : 'chrome-for-testing';
}

function onPath(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(folder, name);
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Where @sparticuz/chromium unpacks. It unpacks into os.tmpdir(), and trusts what it finds there: a /tmp/chromium
 * that exists is returned as the browser, a /tmp/libGLESv2.so skips unpacking its libraries, so another user of a
 * shared machine could plant the browser that renders. Its temporary folder is made ours instead: a folder only
 * this user can write to (0700, checked), given to it as TMPDIR while it loads and unpacks.
 */
export function packagedChromiumFolder(): string {
  const folder = path.join(homedir(), '.cache', 'kokoro-news-video', 'packaged-chromium');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stats = statSync(folder);
  if (stats.uid !== process.getuid?.() || (stats.mode & 0o077) !== 0) {
    throw new UserError(
      `${folder} is not private to this user (owner ${stats.uid}, mode ${(stats.mode & 0o777).toString(8)})`,
      'Remove it, or pass --browser',
    );
  }
  return folder;
}

/** @sparticuz/chromium unpacks its browser into a private folder on first call; it is an optional dependency. */
export async function packagedChromium(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = packagedChromiumFolder();
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    return await chromium.executablePath();
  } catch {
    return undefined;
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

export async function findBrowser(explicit: string | undefined): Promise<BrowserChoice> {
  const named = explicit ?? process.env.REMOTION_BROWSER_EXECUTABLE;
  if (named) {
    if (!existsSync(named)) {
      throw new UserError(
        `The browser ${named} does not exist`,
        'Pass the path of a Chromium or Chrome executable to --browser (or REMOTION_BROWSER_EXECUTABLE)',
      );
    }
    return { executable: named, chromeMode: chromeModeFor(named), origin: explicit ? '--browser' : 'REMOTION_BROWSER_EXECUTABLE' };
  }
  for (const [name, chromeMode] of SYSTEM_BROWSERS) {
    const found = onPath(name);
    if (found) return { executable: found, chromeMode, origin: `system ${name}` };
  }
  const packaged = await packagedChromium();
  // Its build is a headless shell (it runs with --headless='shell').
  if (packaged) return { executable: packaged, chromeMode: 'headless-shell', origin: '@sparticuz/chromium' };
  if (process.env[BROWSER_DOWNLOAD_ENV] === 'never') {
    throw new UserError(
      'No usable browser: no --browser, no system Chromium, no @sparticuz/chromium, and the download is forbidden',
      `Install one (Debian: apt-get install chromium-headless-shell), pass --browser PATH, or unset ${BROWSER_DOWNLOAD_ENV}`,
    );
  }
  return { executable: null, chromeMode: 'headless-shell', origin: "Remotion's Chrome Headless Shell download" };
}
