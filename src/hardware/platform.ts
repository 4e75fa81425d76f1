// The browser and system hardware mode ran on, in words ("Chrome 140 on Linux"), read off the
// user-agent string: the raw string is a wall of "Mozilla/5.0 (X11...) AppleWebKit..." that tells
// a student nothing. Unknown strings give "an unknown browser", never the raw text.

/** Most specific first: Edge and Opera also say "Chrome", Chrome also says "Safari". */
const BROWSERS: [name: string, pattern: RegExp][] = [
  ["Edge", /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ["Opera", /\bOPR\/(\d+)/],
  ["Samsung Internet", /\bSamsungBrowser\/(\d+)/],
  ["Firefox", /\b(?:Firefox|FxiOS)\/(\d+)/],
  ["Chromium", /\bChromium\/(\d+)/],
  ["Chrome", /(?:Chrome|CriOS)\/(\d+)/], // also "HeadlessChrome"
  ["Safari", /\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//],
];

const SYSTEMS: [name: string, pattern: RegExp][] = [
  ["Android", /\bAndroid\b/],
  ["iOS", /\b(?:iPhone|iPad|iPod)\b/],
  ["ChromeOS", /\bCrOS\b/],
  ["Windows", /\bWindows\b/],
  ["macOS", /\bMac OS X\b|\bMacintosh\b/],
  ["Linux", /\bLinux\b/],
];

/** The browser with its major version ("Chrome 140") and the system ("Linux"), each null when unknown:
 *  for a screen that words them in its own language. */
export function browserParts(userAgent: string | undefined): { browser: string | null; system: string | null } {
  if (!userAgent) return { browser: null, system: null };
  const browser = BROWSERS.find(([, re]) => re.test(userAgent));
  const system = SYSTEMS.find(([, re]) => re.test(userAgent))?.[0] ?? null;
  return { browser: browser ? `${browser[0]} ${browser[1].exec(userAgent)![1]}` : null, system };
}

/** "Chrome 140 on Linux", "Firefox 128 on Windows", "Safari 17 on iOS"; "an unknown browser". */
export function browserName(userAgent: string | undefined): string {
  const { browser, system } = browserParts(userAgent);
  const name = browser ?? "an unknown browser";
  return system ? `${name} on ${system}` : name;
}
