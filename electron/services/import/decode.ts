/**
 * Text files as offices really save them. Excel on a Chinese Windows writes "CSV" in GB18030 (GBK);
 * "CSV UTF-8" starts with a BOM; "Unicode text" is UTF-16 with a BOM. Without a BOM, text that is
 * valid UTF-8 is UTF-8 (GBK text with Chinese in it is practically never valid UTF-8); anything else
 * is read as GB18030, a superset of GBK and GB2312.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
