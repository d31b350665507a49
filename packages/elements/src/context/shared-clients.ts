/**
 * Clients for widgets outside a provider: one per (api-base, embed-key), so five cards on a page share one client
 * (and one event stream) instead of opening five.
 */
import { createClient } from '@qiangji/sdk';
import type { Locale } from '@qiangji/contract';
import type { QjClient } from './client.js';

export interface ClientConfig {
  apiBase: string;
  embedKey?: string | undefined;
  token?: string | undefined;
  locale?: Locale | undefined;
}

/** A new SDK client (a provider owns exactly one). */
export function makeClient(config: ClientConfig): QjClient {
  return createClient({
    baseUrl: config.apiBase,
    ...(config.embedKey ? { embedKey: config.embedKey } : {}),
    ...(config.token ? { token: config.token } : {}),
    ...(config.locale ? { locale: config.locale } : {}),
  });
}

const shared = new Map<string, QjClient>();

/** The client shared by every standalone widget with this api-base and embed-key. */
export function sharedClient(apiBase: string, embedKey?: string): QjClient {
  const key = `${apiBase}\n${embedKey ?? ''}`;
  let client = shared.get(key);
  if (!client) {
    client = makeClient({ apiBase, embedKey });
    shared.set(key, client);
  }
  return client;
}
