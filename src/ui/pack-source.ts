// Where a level pack comes from: a file the student picked, a link that carries it (compressed
// like a level link), or a path on the game's own host. Each way is guarded: a size limit, UTF-8
// text only, and for a path, nothing but a plain relative path under the game's own address.

import { t } from "../i18n/index";
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
  if (src.length === 0 || src.length > 1000) throw new PackSourceError(t("packs.source.addressEmpty"));
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/") || src.startsWith("\\")) {
    throw new PackSourceError(t("packs.source.addressNotPath", { src }));
  }
  if (/[\\?#]/.test(src) || /(^|\/)\.\.?(\/|$)/.test(src) || /%2e|%2f|%5c/i.test(src)) {
    throw new PackSourceError(t("packs.source.addressNotPlain", { src }));
  }
  const baseUrl = new URL(base);
  const url = new URL(src, baseUrl);
  if (url.origin !== baseUrl.origin || !url.pathname.startsWith(baseUrl.pathname.replace(/[^/]*$/, ""))) {
    throw new PackSourceError(t("packs.source.addressOffSite", { src }));
  }
  return url;
}

/** The text at `url`, read up to MAX_PACK_BYTES. */
export async function fetchPackText(url: URL, src: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", redirect: "error" });
  } catch {
    throw new PackSourceError(t("packs.source.fetchFailed", { src }));
  }
  if (!response.ok) throw new PackSourceError(t(response.status === 404 ? "packs.source.fetchMissing" : "packs.source.fetchStatus", { src, status: String(response.status) }));
  // A static host that answers every address with the game's page has no such file either.
  if (/^text\/html\b/i.test(response.headers.get("content-type") ?? "")) throw new PackSourceError(t("packs.source.fetchPage", { src }));
  const declared = Number(response.headers.get("content-length"));
  const tooLarge = () => new PackSourceError(t("packs.source.packTooLarge", { src, limit: String(MAX_PACK_BYTES) }));
  if (Number.isFinite(declared) && declared > MAX_PACK_BYTES) throw tooLarge();
  if (!response.body) return "";
  const bytes = await readBounded(response.body, MAX_PACK_BYTES, tooLarge);
  return decodeText(bytes, { src });
}

/** The text of a picked or dropped file, refused when it is too large or not UTF-8 text. */
export async function readPackFile(file: File, limit = MAX_PACK_BYTES): Promise<string> {
  if (file.size > limit) throw new PackSourceError(t("packs.source.fileTooLarge", { name: file.name, limit: String(limit) }));
  return decodeText(new Uint8Array(await file.arrayBuffer()), { name: file.name });
}

/** `from`: the pack fetched from `src`, or the file `name`, as the problem names it. */
function decodeText(bytes: Uint8Array, from: { src: string } | { name: string }): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PackSourceError("src" in from ? t("packs.source.packNotUtf8", from) : t("packs.source.fileNotUtf8", from));
  }
  if (text.includes("\u0000")) throw new PackSourceError("src" in from ? t("packs.source.packNotText", from) : t("packs.source.fileNotText", from));
  return text.replace(/^\uFEFF/, "");
}

/** A name for the record's file: the student's name in lowercase words joined by "-". */
export function fileNamePart(name: string): string {
  const words = name.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.join("-").slice(0, 80) || "student";
}
