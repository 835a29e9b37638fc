// Which Chromium renders the video. Remotion would download Chrome Headless Shell on first use; on machines
// that reach only package registries that fails, so a browser already here comes first: the one the user
// names, a system Chromium, then the Chromium that ships inside the @sparticuz/chromium npm package (Linux x64).
// Remotion's own download comes last, for machines with internet (macOS, Windows), and can be forbidden.
import { existsSync } from 'node:fs';
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

/** @sparticuz/chromium unpacks its browser into the temporary folder on first call; it is an optional dependency. */
async function packagedChromium(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    return await chromium.executablePath();
  } catch {
    return undefined;
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
