// JSON cannot carry bytes, so the HTTP transport wraps them as { $bytes: base64 }.
const CHUNK = 0x8000;

/** Encodes bytes as base64 without building one huge argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** JSON.stringify replacer that wraps every Uint8Array. */
export function bytesReplacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { $bytes: bytesToBase64(value) } : value;
}
