/**
 * Embed keys of public portals: stored hashed with their allowed origins and org subtree. The handful of keys is
 * cached (30 s) because CORS needs the union of their origins on every preflight.
 */
import type { Db } from '../db/connection.js';
import { hashToken } from './hash.js';

export interface EmbedKey {
  id: string;
  name: string;
  origins: string[];
  orgUnitId: string;
  orgPath: string;
}

const TTL_MS = 30_000;

/** `https://Example.cn:443/` → `https://example.cn` (the form browsers send in Origin). */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export class EmbedKeyStore {
  private byHash = new Map<string, EmbedKey>();
  private origins = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  private async load(): Promise<void> {
    const rows = await this.db.selectFrom('embed_keys').selectAll().where('revoked_at', 'is', null).execute();
    this.byHash = new Map(
      rows.map((row) => [
        row.key_hash,
        { id: row.id, name: row.name, origins: (JSON.parse(row.origins) as string[]).map((origin) => normalizeOrigin(origin) ?? origin), orgUnitId: row.org_unit_id, orgPath: row.org_path },
      ]),
    );
    this.origins = new Set([...this.byHash.values()].flatMap((key) => key.origins));
    this.loadedAt = Date.now();
  }

  private async fresh(maxAgeMs = TTL_MS): Promise<void> {
    if (Date.now() - this.loadedAt < maxAgeMs) return;
    this.loading ??= this.load().finally(() => (this.loading = null));
    await this.loading;
  }

  async find(key: string): Promise<EmbedKey | null> {
    await this.fresh();
    const hash = hashToken(key);
    if (!this.byHash.has(hash)) await this.fresh(1_000);
    return this.byHash.get(hash) ?? null;
  }

  async allowsOrigin(origin: string): Promise<boolean> {
    await this.fresh();
    return this.origins.has(origin);
  }

  invalidate(): void {
    this.loadedAt = 0;
  }
}
