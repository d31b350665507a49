/**
 * The stories' data source: the SDK's in-memory fixtures transport (`@qiangji/sdk/fixtures`), so Storybook needs no
 * server. A story says which state it wants with `parameters.fixtures` (latency for loading, a failing route for the
 * error state, forbidden or empty routes); the preview's decorator builds a fresh client from it for every render.
 */
import { deriveWarning, expectedProgress, type BranchRating, type Measure, type Task, type TaskDetail } from '@qiangji/contract';
import { createClient, type QiangJiClient } from '@qiangji/sdk';
import { createFixturesData, createFixturesTransport, type FixturesOptions } from '@qiangji/sdk/fixtures';

/** What a story may put in `parameters.fixtures`. */
export interface StoryFixtures extends FixturesOptions {
  /** Send a bearer token (any token is a signed-in demo city admin to the fixtures), for `user`-access routes. */
  signedIn?: boolean;
}

/** The base URL the fixtures client pretends to call; `.invalid` never resolves, so nothing can leak to a network. */
export const FIXTURES_BASE_URL = 'https://fixtures.invalid';

/** Latency that keeps a story in its loading state for as long as anyone looks at it. */
export const FOREVER_MS = 3_600_000;

/** The fixtures' "today" (their data is dated around 2025-06-30, China time). */
export const FIXTURES_TODAY = '2025-06-30';

/**
 * A new SDK client over a new fixtures transport. The live demo stream is off unless asked for (`eventIntervalMs`),
 * so what a story shows does not change under its test; writes (progress reports, cases) still emit events.
 */
export function fixturesClient(options: StoryFixtures = {}): QiangJiClient {
  const { signedIn, ...transport } = options;
  const latency = transport.latencyMs ?? 0;
  return createClient({
    baseUrl: FIXTURES_BASE_URL,
    fetch: createFixturesTransport({ eventIntervalMs: 0, ...transport }),
    // The SDK's 30 s deadline would turn a long loading state into an error.
    timeoutMs: latency + 30_000,
    ...(signedIn ? { token: 'storybook' } : {}),
  });
}

/** One client for story loaders that need a record to show presentationally (never the one a widget loads with). */
let loaderClient: QiangJiClient | undefined;
function dataClient(): QiangJiClient {
  return (loaderClient ??= fixturesClient({ signedIn: true }));
}

/** A task of the fixtures plan with its progress reports. */
export function fixtureTask(id: string): Promise<TaskDetail> {
  return dataClient().tasks.get(id);
}

/** A measure of the fixtures plan (the card's header names it). */
export async function fixtureMeasure(id: string): Promise<Measure> {
  const { items } = await dataClient().measures.list();
  const measure = items.find((candidate) => candidate.id === id);
  if (!measure) throw new Error(`The fixtures plan has no measure ${id}`);
  return measure;
}

/** A mediation case of the fixtures (case-0001 at 识茶, case-0002 at 醒茶, case-0003 at 悟茶 with an agreement). */
export function fixtureCase(id: string) {
  return dataClient().mediationCases.get(id);
}

export type TaskTimeline = 'as-reported' | 'on-plan' | 'finished';

/**
 * The task as the 督办 rule sees it on `today`: `on-plan` moves progress onto the straight line and marks past
 * milestones done (so only the deadline can warn: blue near it, red after it), `finished` sets 100 %. Status and
 * warning come from the contract's `deriveWarning`, the same rule the server applies.
 */
export function taskAsOf(task: Task, today: string, timeline: TaskTimeline = 'as-reported'): Task {
  const milestones =
    timeline === 'as-reported' ? task.milestones : task.milestones.map((m) => (m.dueDate < today ? { ...m, doneAt: m.doneAt ?? m.dueDate } : m));
  const progress = timeline === 'finished' ? 100 : timeline === 'on-plan' ? expectedProgress(task.startDate, task.dueDate, today) : task.progress;
  const { status, warning } = deriveWarning({ ...task, milestones, progress }, today);
  return { ...task, milestones, progress, status, warning };
}

/** The ratings of the fixtures (same seed as the transport, so the same organisations and stars). */
let ratings: BranchRating[] | undefined;
function fixtureRatings(): BranchRating[] {
  return (ratings ??= createFixturesData({ servicePointCount: 1 }).ratings);
}

/** The latest year the fixtures rate. */
export const RATING_YEAR = 2025;

/** An org unit whose branch has `stars` stars in `year` (and, optionally, a flag or a brand). */
export function orgWithRating(filter: { stars?: number; flag?: string; brand?: string }, year = RATING_YEAR): BranchRating {
  const found = fixtureRatings().find(
    (rating) =>
      rating.year === year &&
      (filter.stars === undefined || rating.stars === filter.stars) &&
      (filter.flag === undefined || (rating.flags as readonly string[]).includes(filter.flag)) &&
      (filter.brand === undefined || (rating.brands as readonly string[]).includes(filter.brand)),
  );
  if (!found) throw new Error(`The fixtures have no ${year} rating matching ${JSON.stringify(filter)}`);
  return found;
}

/** A rating's year-by-year history in the fixtures. */
export function ratingHistory(rating: BranchRating): BranchRating[] {
  return fixtureRatings()
    .filter((row) => row.partyOrganizationId === rating.partyOrganizationId)
    .sort((a, b) => a.year - b.year);
}
