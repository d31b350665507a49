/**
 * Vitest runs the Storybook stories as tests (`npm run test:stories` = `vitest run --project=storybook`): every
 * story renders in Debian's Chromium (headless, through Playwright), its `play` function runs, then axe checks it
 * (`parameters.a11y.test: 'error'` in .storybook/preview.ts fails the test on any violation).
 * CHROME_PATH points at another Chromium.
 */
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const configDir = fileURLToPath(new URL('./.storybook', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookTest({ configDir, storybookScript: 'npm run storybook -- --ci' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
                args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
