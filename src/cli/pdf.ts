/**
 * Printing the HTML report to PDF with a headless Chromium, where one is
 * installed. Without one, a clear message: the HTML prints from any browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors.js';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'chrome', 'msedge'];
const WINDOWS_PATHS = [
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findChromium(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.TUSOI_CHROMIUM) return existsSync(env.TUSOI_CHROMIUM) ? env.TUSOI_CHROMIUM : undefined;
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of NAMES) for (const ext of exts) if (existsSync(join(dir, name + ext))) return join(dir, name + ext);
  }
  return process.platform === 'win32' ? WINDOWS_PATHS.find((p) => existsSync(p)) : undefined;
}

/** What the person waiting is told: Chromium takes seconds, and says nothing itself (issue 15, part 7). */
export interface PdfProgress {
  readonly starting: (browser: string) => void;
  readonly done: () => void;
}

/** Prints `htmlFile` to `pdfFile` (A4, no header/footer banner). */
export function printPdf(htmlFile: string, pdfFile: string, env: Readonly<Record<string, string | undefined>>, progress?: PdfProgress): void {
  const browser = findChromium(env);
  if (!browser) throw new UserError('PDF_NO_BROWSER', {});
  progress?.starting(browser);
  const profile = mkdtempSync(join(tmpdir(), 'tusoi-chromium-'));
  try {
    // NOTE: without the background-networking flags Chromium tries to reach
    // Google's servers at every start, which offline machines refuse slowly.
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ];
    const r = spawnSync(browser, args, { stdio: 'ignore', timeout: 120_000 });
    if (r.error || r.status !== 0 || !existsSync(pdfFile)) {
      throw new UserError('PDF_FAILED', { reason: r.error ? r.error.message : `exit ${r.status}` });
    }
    progress?.done();
  } finally {
    // Chromium's helpers may still hold the profile for a moment (Windows): never fail for that.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // a temporary folder left behind is harmless
    }
  }
}
