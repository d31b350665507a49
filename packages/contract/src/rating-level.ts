/**
 * Which level of a scheme a score reaches. A module of its own: a widget that only looks levels up carries neither
 * the default levels' names nor the labels (modules are the unit bundlers split chunks by).
 */
import type { RatingLevel } from './rating.js';

/** The first of `levels` (highest first) whose minimum the score reaches, else the lowest; undefined when empty. */
export function levelAmong(levels: readonly RatingLevel[], score: number): RatingLevel | undefined {
  return levels.find((candidate) => score >= candidate.minScore) ?? levels[levels.length - 1];
}
