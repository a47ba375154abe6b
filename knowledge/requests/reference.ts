import { randomBytes } from 'node:crypto';

/**
 * Request references: `GI-` and 6 characters from an alphabet without look-alikes (no 0/O, 1/I),
 * drawn from crypto. 32 symbols ⇒ 32^6 ≈ 1.07 billion references; uniqueness across every running
 * instance is guaranteed by the store's unique index (a collision is retried), not by luck.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const REFERENCE_PREFIX = 'GI-';
export const REFERENCE_LENGTH = 6;
export const REFERENCE_PATTERN = new RegExp(`^${REFERENCE_PREFIX}[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

/** A fresh random reference. 32 divides 256, so masking a byte gives every symbol the same chance. */
export function generateReference(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(REFERENCE_LENGTH);
  let body = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) body += REFERENCE_ALPHABET[bytes[i] & 31];
  return REFERENCE_PREFIX + body;
}

export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

/**
 * What a person typed, as a reference: case, spaces, dots and dashes ignored, prefix optional
 * ("gi abc 234" → "GI-ABC234"). Undefined when it cannot be one (including a 0, O, 1 or I).
 */
export function parseReference(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s.\-_]/g, '');
  const body = compact.startsWith('GI') && compact.length === REFERENCE_LENGTH + 2 ? compact.slice(2) : compact;
  const candidate = REFERENCE_PREFIX + body;
  return isReference(candidate) ? candidate : undefined;
}
