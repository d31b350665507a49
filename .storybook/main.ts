/**
 * Storybook 10 for designers (`npm run storybook`, `npm run build-storybook`) and the story tests
 * (`npm run test:stories`: vitest.config.ts runs every story's `play` and axe in Chromium through @storybook/addon-vitest).
 *
 * No network: the stories talk to the SDK's in-memory fixtures transport (stories/support/fixtures.ts), telemetry,
 * crash reports and the "what's new" / update checks are off, and nothing loads fonts or scripts from a CDN.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  core: {
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // The workspace packages export their TypeScript sources; Vite compiles them, reading tsconfig.json for Lit's
      // legacy decorators (experimentalDecorators, useDefineForClassFields: false).
      // Storybook's web-components renderer imports lit/directive-helpers.js outside the pre-bundled deps, which
      // would load a second lit-html; pre-bundled, it shares the one copy.
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
      build: { chunkSizeWarningLimit: 2048 },
    });
  },
};

export default config;
