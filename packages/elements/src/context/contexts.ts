import type { Locale } from '@qiangji/contract';
import type { QjClient } from './client.js';
import type { Context } from './protocol.js';

export type Theme = 'light' | 'dark' | 'auto';

/** What a `<qj-provider>` sets for its subtree; undefined fields fall through to the next source. */
export interface Settings {
  locale?: Locale;
  theme?: Theme;
  elder?: boolean;
}

/** The one SDK client of a `<qj-provider>`. */
export const clientContext = Symbol.for('qiangji.client') as Context<symbol, QjClient | undefined>;
/** Locale, theme and elder mode of a `<qj-provider>`. */
export const settingsContext = Symbol.for('qiangji.settings') as Context<symbol, Settings>;
