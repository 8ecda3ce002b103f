// Hashes over ranges of a string, without cutting the range out.

/** FNV-1a over `text[from, to)`. */
export function fnv1a(text: string, from: number, to: number, basis: number): number {
  let hash = basis;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** A whole string's FNV-1a, mixed so that its low bits depend on every bit of the text. */
export function mixedHash(text: string): number {
  let hash = fnv1a(text, 0, text.length, 0x811c9dc5);
  // FNV's low bits depend only on the characters' low bits: mix (murmur3's finalizer) before masking.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
