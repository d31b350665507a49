import { createContext } from '@lit/context';
import type { Locale } from '@qiangji/contract';
import type { QjClient } from './client.js';

export type Theme = 'light' | 'dark' | 'auto';

/** What a `<qj-provider>` sets for its subtree; undefined fields fall through to the next source. */
export interface Settings {
  locale?: Locale;
  theme?: Theme;
  elder?: boolean;
}

/** The one SDK client of a `<qj-provider>`. */
export const clientContext = createContext<QjClient | undefined>(Symbol.for('qiangji.client'));
/** Locale, theme and elder mode of a `<qj-provider>`. */
export const settingsContext = createContext<Settings>(Symbol.for('qiangji.settings'));
