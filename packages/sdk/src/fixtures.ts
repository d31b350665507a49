/**
 * @qiangji/sdk/fixtures — an in-memory transport for Storybook and documentation:
 * `createClient({ baseUrl: 'https://fixtures.invalid', fetch: createFixturesTransport() })`.
 * Deterministic data shaped by the contract; failure injection for loading, error, forbidden and empty states.
 * Never used by integration or end-to-end tests, which run against the real Plan API.
 */
export { createFixturesTransport, type FixturesOptions } from './fixtures/transport.js';
export { createFixturesData, CHAOZHOU_BOUNDS, seededRandom, type FixturesData } from './fixtures/data.js';
