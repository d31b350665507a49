import { createHash } from 'node:crypto';

/**
 * Refresh tokens and embed keys are stored as SHA-256: they are long random strings or operator-chosen keys
 * looked up by value, not passwords, so a fast unsalted hash is the right tool (a salted one could not be looked up).
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
