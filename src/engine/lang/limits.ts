// How big and how deep thread code may be. Code may come from a stranger (a link, an upload), and
// every stage that reads it (parser, checker, compiler, the renderers) walks its syntax tree
// recursively, so the tree's depth is bounded here, far below a browser's stack: 64 nested
// parentheses, the costliest nesting, parse and render in a Chromium Web Worker (which has half
// the main thread's stack) in about 7% of it. No level anyone would play comes near the limits:
// the campaign's longest thread is 352 characters, its deepest (filter-lock) nests 11 levels.

/**
 * The most levels of nesting at any point of a thread's code. Each of these puts what is inside
 * it one level deeper: a block `{ }`, parentheses `( )`, brackets `[ ]`, a `!` or `-` in front of
 * a value, `else if`, and a binary operator (`a + b + c` reads `(a + b) + c`: `a` is 2 deep).
 */
export const MAX_NESTING = 64;

/** The most characters in one thread's code (and in a reference fix's code for one thread). */
export const MAX_CODE_LENGTH = 10_000;

/** The most characters of code in a level's threads, each copy that `count` makes counted: the
 *  level screen shows them all (the campaign's most is 1,170). */
export const MAX_LEVEL_CODE_LENGTH = 20_000;
