import { randomBytes, randomInt, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';

/**
 * The private follow-up code given with a reference: 6 digits (easy to read on a phone and to type
 * on any keyboard). Only a salted scrypt hash is stored, with a per-request salt; comparison is in
 * constant time, and checking an unknown reference costs the same as a known one (see
 * `verifyAgainstNothing`).
 */
export const FOLLOW_UP_CODE_LENGTH = 6;
export const FOLLOW_UP_CODE_PATTERN = /^\d{6}$/;

/** scrypt parameters (N = 2^14, r = 8, p = 1: ~16 MiB, tens of ms): stored with each hash so they can grow. */
export const SCRYPT_PARAMS = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;

export interface FollowUpHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

export function generateFollowUpCode(): string {
  return String(randomInt(0, 10 ** FOLLOW_UP_CODE_LENGTH)).padStart(FOLLOW_UP_CODE_LENGTH, '0');
}

/** What a person typed, as a code (spaces ignored), or undefined. */
export function parseFollowUpCode(text: string): string | undefined {
  const compact = text.replace(/[\s.-]/g, '');
  return FOLLOW_UP_CODE_PATTERN.test(compact) ? compact : undefined;
}

function scryptAsync(password: BinaryLike, salt: BinaryLike, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashFollowUpCode(code: string, salt: Buffer = randomBytes(16)): Promise<FollowUpHash> {
  const { N, r, p, keyLength } = SCRYPT_PARAMS;
  const key = await scryptAsync(code, salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 });
  return { algorithm: 'scrypt', N, r, p, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** True when `code` hashes to `stored` (constant-time comparison). A malformed code still costs one hash. */
export async function verifyFollowUpCode(code: string, stored: FollowUpHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await scryptAsync(code, Buffer.from(stored.salt, 'base64'), expected.length || SCRYPT_PARAMS.keyLength, {
    N: stored.N,
    r: stored.r,
    p: stored.p,
    maxmem: 64 * 1024 * 1024,
  });
  const sameLength = key.length === expected.length;
  const matches = timingSafeEqual(key, sameLength ? expected : key) && sameLength;
  return matches && FOLLOW_UP_CODE_PATTERN.test(code);
}

const NOTHING: FollowUpHash = {
  algorithm: 'scrypt',
  N: SCRYPT_PARAMS.N,
  r: SCRYPT_PARAMS.r,
  p: SCRYPT_PARAMS.p,
  salt: randomBytes(16).toString('base64'),
  hash: randomBytes(SCRYPT_PARAMS.keyLength).toString('base64'),
};

/** Spends the time of one verification and answers false: used when the reference is unknown. */
export async function verifyAgainstNothing(code: string): Promise<false> {
  await verifyFollowUpCode(code, NOTHING);
  return false;
}
