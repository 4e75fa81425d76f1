// Cross-origin isolation where the host cannot send the headers (GitHub Pages): the service
// worker passes every same-origin response through here, from the network or from its caches,
// so the page and its workers may share memory (hardware mode's SharedArrayBuffer).

export const ISOLATION_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Embedder-Policy", "require-corp"],
  ["Cross-Origin-Resource-Policy", "cross-origin"],
];

/** The response with the isolation headers set (replacing any the host sent). An opaque
 *  response (status 0) cannot be rebuilt and is passed on as it is. */
export function withIsolationHeaders(response: Response): Response {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of ISOLATION_HEADERS) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
