/**
 * What the server needs to serve the demo portal: the directory of its pages (served at `/`, `{{nonce}}` filled in
 * per request) and the third-party files the host pages load, straight from node_modules (no CDN: the CSP allows
 * only this origin). The server registers each directory under its prefix; the portal owns this list.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaticDir {
  /** URL prefix, ending with `/`. */
  prefix: string;
  /** Directory served under it. */
  root: string;
}

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The portal pages: index.html (the government portal), jquery.html, vue.html, portal.css, portal.js… */
export const portalRoot: string = fileURLToPath(new URL('../public', import.meta.url));

/** Vendor files of the host pages: jQuery 3 and Vue 3's runtime-only global build. */
export function portalVendorDirs(): StaticDir[] {
  return [
    { prefix: '/vendor/jquery/', root: join(packageDir('jquery'), 'dist') },
    { prefix: '/vendor/vue/', root: join(packageDir('vue'), 'dist') },
  ];
}
