// Where a level pack comes from: a file the student picked, a link that carries it (compressed
// like a level link), or a path on the game's own host. Each way is guarded: a size limit, UTF-8
// text only, and for a path, nothing but a plain relative path under the game's own address.

import { decodeLinkData, readBounded } from "./share";

/** The contract's limit on a pack's text. */
export const MAX_PACK_BYTES = 2 * 1024 * 1024;

export class PackSourceError extends Error {
  override name = "PackSourceError";
}

/** The pack carried in a link's data. */
export function decodePackLink(data: string): Promise<string> {
  return decodeLinkData(data, "pack", MAX_PACK_BYTES);
}

/**
 * Where `src` points on the game's own host: a relative path such as "packs/os-week3.json",
 * under the game's base address. An absolute address, another host, a path that climbs out with
 * "..", or anything that is not a plain path is refused, with why.
 */
export function packSrcUrl(src: string, base: string): URL {
  if (src.length === 0 || src.length > 1000) throw new PackSourceError("the pack's address is empty or too long");
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/") || src.startsWith("\\")) {
    throw new PackSourceError(`the pack's address “${src}” is not a path on this site: only paths such as packs/os-week3.json are opened`);
  }
  if (/[\\?#]/.test(src) || /(^|\/)\.\.?(\/|$)/.test(src) || /%2e|%2f|%5c/i.test(src)) {
    throw new PackSourceError(`the pack's address “${src}” is not a plain path inside this site (no "..", "\\", "?" or "#")`);
  }
  const baseUrl = new URL(base);
  const url = new URL(src, baseUrl);
  if (url.origin !== baseUrl.origin || !url.pathname.startsWith(baseUrl.pathname.replace(/[^/]*$/, ""))) {
    throw new PackSourceError(`the pack's address “${src}” leads off this site`);
  }
  return url;
}

/** The text at `url`, read up to MAX_PACK_BYTES. */
export async function fetchPackText(url: URL, src: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", redirect: "error" });
  } catch {
    throw new PackSourceError(`the pack “${src}” could not be fetched: check the connection and the address`);
  }
  if (!response.ok) throw new PackSourceError(`the pack “${src}” could not be fetched: the site answered ${response.status}${response.status === 404 ? " (there is no such file)" : ""}`);
  // A static host that answers every address with the game's page has no such file either.
  if (/^text\/html\b/i.test(response.headers.get("content-type") ?? "")) throw new PackSourceError(`the pack “${src}” could not be fetched: there is no such file (the site sent a web page)`);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_PACK_BYTES) throw new PackSourceError(`the pack “${src}” is larger than ${MAX_PACK_BYTES} bytes`);
  if (!response.body) return "";
  const bytes = await readBounded(response.body, MAX_PACK_BYTES, () => new PackSourceError(`the pack “${src}” is larger than ${MAX_PACK_BYTES} bytes`));
  return decodeText(bytes, `the pack “${src}”`);
}

/** The text of a picked or dropped file, refused when it is too large or not UTF-8 text. */
export async function readPackFile(file: File, limit = MAX_PACK_BYTES): Promise<string> {
  if (file.size > limit) throw new PackSourceError(`“${file.name}” is larger than ${limit} bytes`);
  return decodeText(new Uint8Array(await file.arrayBuffer()), `“${file.name}”`);
}

function decodeText(bytes: Uint8Array, what: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PackSourceError(`${what} is not UTF-8 text`);
  }
  if (text.includes("\u0000")) throw new PackSourceError(`${what} is not a text file`);
  return text.replace(/^\uFEFF/, "");
}

/** A name for the record's file: the student's name in lowercase words joined by "-". */
export function fileNamePart(name: string): string {
  const words = name.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.join("-").slice(0, 80) || "student";
}
