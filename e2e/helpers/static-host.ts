// The built site served as a plain static host would (GitHub Pages, say): no COOP, no COEP. A
// spec may change a file as it is served (a new build's service worker) and close the host (the
// network is gone).

import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: ReadonlyMap<string, string> = new Map([
  [".html", "text/html"], [".js", "text/javascript"], [".css", "text/css"], [".svg", "image/svg+xml"], [".json", "application/json"],
  [".webmanifest", "application/manifest+json"], [".png", "image/png"], [".ttf", "font/ttf"], [".wasm", "application/wasm"],
]);

export interface StaticHost {
  url: string;
  /** From now on, serves `file` (a path under the root, "sw.js") as `change` makes it. */
  change(file: string, change: (text: string) => string): void;
  close(): Promise<void>;
}

export async function staticHost(root: string): Promise<StaticHost> {
  const changed = new Map<string, (text: string) => string>();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES.get(extname(file)) ?? "application/octet-stream" });
    const change = changed.get(file);
    if (change) res.end(change(readFileSync(file, "utf8")));
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    change: (file, change) => void changed.set(join(root, file), change),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
