// Types for browser-path.mjs, which stays plain JavaScript so `node` runs it before anything is built.

export declare const SYSTEM_CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];

export type BrowserChoice =
  | {
      ok: true;
      source: "INTERLEAVE_CHROMIUM" | "system" | "playwright";
      /** The executable that will run. */
      path: string;
      /** What to pass to Playwright's launchOptions; undefined means Playwright's own browser. */
      executablePath: string | undefined;
    }
  | { ok: false; message: string };

export interface ResolveOptions {
  env?: Record<string, string | undefined>;
  systemPath?: string;
  bundledPath?: () => string | undefined;
  exists?: (path: string) => boolean;
}

export declare function isExecutableFile(path: string): boolean;
export declare function resolveBrowser(options?: ResolveOptions): BrowserChoice;
