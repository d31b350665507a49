// The browsers the web-component tests run in: shared by web-test-runner.config.mjs and the
// scripts/browser-tests.mjs preflight, so both agree on paths and on what QJ_BROWSERS selects.

/** Debian's browsers by default; CHROME_PATH / FIREFOX_PATH point elsewhere. */
export const browsers = {
  chromium: {
    label: 'Chromium',
    path: process.env.CHROME_PATH || '/usr/bin/chromium',
    debianPackage: 'chromium',
    pathVariable: 'CHROME_PATH',
  },
  firefox: {
    label: 'Firefox ESR',
    path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    debianPackage: 'firefox-esr',
    pathVariable: 'FIREFOX_PATH',
  },
};

/**
 * Names of the browsers this run uses. Default: all. `QJ_BROWSERS=chromium` (comma-separated list;
 * `firefox-esr` is accepted for `firefox`) narrows it; an unknown name throws rather than silently running fewer.
 * @returns {Array<keyof typeof browsers>}
 */
export function selectedBrowsers(env = process.env) {
  const requested = (env.QJ_BROWSERS ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase().replace(/-esr$/, ''))
    .filter(Boolean);
  if (requested.length === 0) return /** @type {Array<keyof typeof browsers>} */ (Object.keys(browsers));
  const unknown = requested.filter((name) => !Object.hasOwn(browsers, name));
  if (unknown.length > 0) {
    throw new Error(`QJ_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use ${Object.keys(browsers).join(', ')}`);
  }
  return /** @type {Array<keyof typeof browsers>} */ ([...new Set(requested)]);
}
