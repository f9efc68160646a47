// Share links: the whole session (seed + inputs) in the URL fragment, deflated and base64url
// encoded, so the link works without any server. The fragment is validated like an imported file.
import type { SessionFile } from '../../engine/session/sessionFile.ts';

export const SHARE_PARAM = 'session=';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export async function encodeShareFragment(file: SessionFile): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(file));
  return `#${SHARE_PARAM}${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The session in a URL fragment, if there is one; throws with a reason if it is not a valid one. */
export async function decodeShareFragment(hash: string): Promise<SessionFile | undefined> {
  const at = hash.indexOf(SHARE_PARAM);
  if (at < 0) return undefined;
  let json: string;
  try {
    const bytes = await pipe(
      fromBase64Url(hash.slice(at + SHARE_PARAM.length)),
      new DecompressionStream('deflate-raw'),
    );
    json = new TextDecoder().decode(bytes);
  } catch {
    throw new Error('this share link is damaged: it does not decode');
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('this share link is damaged: it is not a session');
  }
  // The validator loads only when a link is opened: it is not part of the first load.
  const { parseSession } = await import('../../engine/session/sessionFile.ts');
  return parseSession(data);
}
