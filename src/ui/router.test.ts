import { describe, expect, it } from "vitest";
import { editorHref, levelHref, myLevelHref, newDraftHref, parseRoute, playHref } from "./router";

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
    [myLevelHref("k3x9q2m7ab"), { screen: "my-level", draft: "k3x9q2m7ab" }],
    [editorHref(), { screen: "editor", draft: null, from: null }],
    [editorHref("k3x9q2m7ab"), { screen: "editor", draft: "k3x9q2m7ab", from: null }],
    [newDraftHref({ template: "race" }), { screen: "editor", draft: null, from: { template: "race" } }],
    [newDraftHref({ copy: "lost-update" }), { screen: "editor", draft: null, from: { copy: "lost-update" } }],
    [newDraftHref({ link: "SwQA" }), { screen: "editor", draft: null, from: { link: "SwQA" } }],
    ["#/editor/abc?copy=lost-update", { screen: "editor", draft: "abc", from: null }],
  ])("%s", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});
