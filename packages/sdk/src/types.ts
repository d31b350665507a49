/** Parameter and result types of the client, all derived from the contract's route table. */
import type { RouteBodyInput, RouteName, RouteParams, RouteQueryInput, RouteResponse } from '@qiangji/contract';

type Loosen<T> = T extends readonly unknown[] ? Readonly<T> : T;
/** Query of a route in its typed form: arrays for lists, numbers for integers, `[west, south, east, north]` for bbox. */
export type QueryOf<N extends RouteName> = { [K in keyof RouteQueryInput<N>]: Loosen<RouteQueryInput<N>[K]> };
/** Query of a list route without the cursor, which the paginator manages. */
export type IterateQueryOf<N extends RouteName> = Omit<QueryOf<N>, 'cursor'>;
/** JSON body a route accepts. */
export type BodyOf<N extends RouteName> = RouteBodyInput<N>;
/** Result of a route. */
export type ResultOf<N extends RouteName> = RouteResponse<N>;
/** Item of a paged list route. */
export type ItemOf<N extends RouteName> = RouteResponse<N> extends { items: Array<infer T>; nextCursor: string | null } ? T : never;
/** Id parameter of a route. */
export type IdOf<N extends RouteName> = RouteParams<N> extends { id: infer I } ? I : never;

/** Routes answering a `{ items, nextCursor }` page. */
export type PagedRoute = {
  [N in RouteName]: RouteResponse<N> extends { nextCursor: string | null } ? N : never;
}[RouteName];
/** Routes with an `:id` path parameter. */
export type IdRoute = { [N in RouteName]: RouteParams<N> extends { id: string } ? N : never }[RouteName];

/**
 * Async iteration over every item of a paged list, fetching pages as needed:
 * `for await (const task of client.tasks.iterate({ status: ['at_risk'] })) …`.
 */
export interface Paginator<T> extends AsyncIterable<T> {
  /** The first `limit` items (required, so a huge list is never loaded by accident). */
  toArray(options: { limit: number }): Promise<T[]>;
}
