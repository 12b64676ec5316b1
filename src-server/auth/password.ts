import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export type ScryptParams = { N: number; r: number; p: number };

/** OWASP's recommended scrypt cost (N=2^17, r=8, p=1): about half a second and 128 MiB per hash. */
export const strongScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const keyLength = 64;

const derive = (password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r * p bytes; allow twice that so the cost can be raised without an error.
    const maxmem = 256 * params.N * params.r * params.p;
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so old hashes verify after a cost increase. */
export const hashPassword = async (
  password: string,
  params: ScryptParams = strongScryptParams,
): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification against a throwaway hash, so "unknown email" takes as long as "wrong
 * password" and response times do not reveal which addresses have accounts.
 */
export const verifyAgainstDummy = async (password: string): Promise<false> => {
  dummyHash ??= hashPassword('fairlead-dummy-password');
  await verifyPassword(password, await dummyHash);
  return false;
};
