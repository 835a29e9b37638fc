import { UserError } from '../errors.ts';

/** Bytes that must be UTF-8 text; anything else is refused with the way to convert it. */
export function decodeUtf8(bytes: Uint8Array, origin: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UserError(`${origin} is not UTF-8 text`, 'Convert it to UTF-8 (for example: iconv -f latin1 -t utf-8)');
  }
}
