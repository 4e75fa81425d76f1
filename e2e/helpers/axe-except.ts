// axe-core on the current page, leaving out parts we do not own (Monaco's editor DOM and the
// live regions it adds to the body); a failure lists each violation with the elements it found.

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectNoAxeViolationsExcept(page: Page, context: string, exclude: string[]): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const report = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`).join("\n")}`);
  expect(report, `axe violations on ${context}`).toEqual([]);
}
