import { describe, expect, it } from "vitest";
import { editorHref, gradeHref, levelHref, myLevelHref, newDraftHref, packHref, packLevelHref, packLinkHref, packSrcHref, parseRoute, playHref } from "./router";

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
    [packLinkHref("SwQA"), { screen: "open-pack", from: { data: "SwQA" } }],
    [packSrcHref("packs/os-week3.json"), { screen: "open-pack", from: { src: "packs/os-week3.json" } }],
    ["#/pack", { screen: "open-pack", from: null }],
    [packHref("os-week3"), { screen: "pack", id: "os-week3" }],
    [packLevelHref("os-week3", "lost-update"), { screen: "pack-level", pack: "os-week3", id: "lost-update" }],
    [gradeHref, { screen: "grade" }],
  ])("%s", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});
