// A page's real encoding: byte-order mark, then the HTTP header, then the page's own <meta>, else UTF-8.
import iconv from 'iconv-lite';

function fromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function fromContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

function fromMeta(bytes: Uint8Array): string | undefined {
  // The declaration must sit in the first 1024 bytes (HTML spec); ASCII-compatible encodings read the same there.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

export function detectCharset(bytes: Uint8Array, contentType?: string): string {
  const candidates = [fromBom(bytes), fromContentType(contentType), fromMeta(bytes)];
  const known = candidates.find((charset) => charset !== undefined && iconv.encodingExists(charset));
  return (known ?? 'utf-8').toLowerCase();
}

export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  return iconv.decode(Buffer.from(bytes), detectCharset(bytes, contentType), { stripBOM: true });
}
