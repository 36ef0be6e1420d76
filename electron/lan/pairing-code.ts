// Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The certificate's SHA-256 fingerprint as a short code people compare by eye ("7KQD-3M2X-9PZA"):
 * the first 60 bits, enough that no other certificate will show the same code by chance.
 */
export function pairingCodeOf(fingerprint256: string): string {
  const hex = fingerprint256.replaceAll(':', '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('Not a SHA-256 fingerprint');
  let bits = BigInt(`0x${hex.slice(0, 15)}`);
  let code = '';
  for (let i = 0; i < 12; i++) {
    code = ALPHABET[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)!.join('-');
}
