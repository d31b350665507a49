/**
 * Keyset (cursor) pagination. The cursor is opaque to clients: base64url of the last row's sort key and id.
 * A cursor that does not decode is a 400 on `query.cursor`, never a 500.
 */
import { ApiHttpError } from '../http/errors.js';

export const DEFAULT_LIMIT = 50;

export type CursorKey = [sort: string | number, id: string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<K extends 'string' | 'number'>(cursor: string | undefined, sortType: K): [K extends 'string' ? string : number, string] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === sortType && typeof value[1] === 'string' && value[1].length <= 64 && String(value[0]).length <= 200) {
      return value as [K extends 'string' ? string : number, string];
    }
  } catch {
    // fall through
  }
  throw new ApiHttpError(400, 'validation_failed', { field: 'query.cursor', details: [{ field: 'query.cursor', message: '分页游标无效', messageEn: 'Invalid cursor' }] });
}

/** Splits a `limit + 1` result into the page and the next cursor. */
export function pageFrom<Row, Item>(rows: Row[], limit: number, keyOf: (row: Row) => CursorKey, map: (row: Row) => Item): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(map), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}
