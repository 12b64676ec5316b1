/**
 * Client-generated ids: 10 characters of millisecond time then 14 random characters (Crockford base 32, ULID
 * layout), so ids sort by creation time on every device without a server round-trip. Monotonic within one
 * process: two ids made in the same millisecond still sort in creation order.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastTime = -1;
let lastRandom: number[] = [];

// Web Crypto exists in browsers and in Node 20 as a global; typed here because src-shared compiles without DOM types.
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } })
  .crypto;

const randomDigits = (): number[] => {
  const bytes = new Uint8Array(14);
  webCrypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte % 32);
};

const incrementDigits = (digits: number[]): number[] => {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i -= 1) {
    const digit = next[i] ?? 0;
    if (digit < 31) {
      next[i] = digit + 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
};

export const newId = (now: number = Date.now()): string => {
  if (now <= lastTime) {
    lastRandom = incrementDigits(lastRandom);
  } else {
    lastTime = now;
    lastRandom = randomDigits();
  }
  let time = '';
  let remaining = lastTime;
  for (let i = 0; i < 10; i += 1) {
    time = alphabet.charAt(remaining % 32) + time;
    remaining = Math.floor(remaining / 32);
  }
  return time + lastRandom.map((digit) => alphabet.charAt(digit)).join('');
};
