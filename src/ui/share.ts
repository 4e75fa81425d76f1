// Levels carried in a link, `#/play?level=<data>`: the level's JSON, raw-DEFLATE compressed and
// base64url-encoded without padding. Decoding refuses anything that is not such data, and stops
// past MAX_LEVEL_BYTES so a small link cannot inflate into a huge level.

export const MAX_LEVEL_BYTES = 1 << 20;

/** What is wrong with a link's data, for the page to say in the player's language. */
export type LinkProblem = "not-base64" | "damaged" | "not-text" | "too-large";

export class LevelLinkError extends Error {
  override name = "LevelLinkError";
  constructor(
    message: string,
    readonly problem: LinkProblem,
    readonly what: "level" | "pack",
    readonly limit?: number,
  ) {
    super(message);
  }
}

export async function encodeLevelLink(json: string): Promise<string> {
  const compressed = await transform(new TextEncoder().encode(json), new CompressionStream("deflate-raw"), Infinity, "level");
  return toBase64Url(compressed);
}

export async function decodeLevelLink(data: string): Promise<string> {
  return decodeLinkData(data, "level", MAX_LEVEL_BYTES);
}

/** Decodes link data carrying a `what` ("level", "pack") of at most `limit` bytes. */
export async function decodeLinkData(data: string, what: "level" | "pack", limit: number): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(data) || data.length % 4 === 1) {
    throw new LevelLinkError(`the link's ${what} data is not base64url text`, "not-base64", what);
  }
  let inflated: Uint8Array;
  try {
    inflated = await transform(fromBase64Url(data), new DecompressionStream("deflate-raw"), limit, what);
  } catch (e) {
    if (e instanceof LevelLinkError) throw e;
    throw new LevelLinkError(`the link's ${what} data is damaged: it does not decompress`, "damaged", what);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(inflated);
  } catch {
    throw new LevelLinkError(`the link's ${what} data is not UTF-8 text`, "not-text", what);
  }
}

async function transform(input: Uint8Array, stream: GenericTransformStream, limit: number, what: "level" | "pack"): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface through the reader; the writer's own promises must not go unhandled.
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  return readBounded(stream.readable as ReadableStream<Uint8Array>, limit, () => new LevelLinkError(`the ${what} in this link is larger than ${limit} bytes`, "too-large", what, limit));
}

/** Every byte of `stream`, in one array; past `limit` bytes it is cancelled and `tooLarge()` thrown. */
export async function readBounded(stream: ReadableStream<Uint8Array>, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
