import { describe, expect, it } from "vitest";
import { levelHref, parseRoute, playHref } from "./router";

describe("routes", () => {
  it.each([
    ["", { screen: "campaign" }],
    ["#/", { screen: "campaign" }],
    ["#/level/lost-update", { screen: "level", id: "lost-update" }],
    [levelHref("first-steps"), { screen: "level", id: "first-steps" }],
    ["#/play?level=SwQA", { screen: "play", data: "SwQA" }],
    [playHref("ab-_12"), { screen: "play", data: "ab-_12" }],
    ["#/play", { screen: "play", data: null }],
    ["#/nowhere", { screen: "not-found", hash: "/nowhere" }],
  ])("%s", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});
