// A value as the source of a JavaScript module that makes it again: the build writes each
// campaign level, parsed and compiled by the engine, this way (vite-plugin-level-cards.ts), so a
// level screen loads it with no parser. Plain objects, arrays, strings, numbers, booleans, null,
// undefined and typed arrays; an object met twice (the program's spec is the level's) is made once
// and shared again. Anything else is a bug of the build, so it throws.

/** `export default <value>;`, with the objects the value shares made once. */
export function valueModule(value: unknown): string {
  const refs = new Map<object, number>();
  const count = (v: unknown, depth: number) => {
    if (typeof v !== "object" || v === null) return;
    if (depth > 100) throw new Error("the value is nested too deeply to be written as a module");
    const seen = refs.get(v) ?? 0;
    refs.set(v, seen + 1);
    if (seen > 0 || ArrayBuffer.isView(v)) return;
    for (const item of Array.isArray(v) ? v : Object.values(v)) count(item, depth + 1);
  };
  count(value, 0);
  const names = new Map<object, string>();
  const made = new Set<object>();
  for (const [object, n] of refs) if (n > 1) names.set(object, `$${names.size}`);

  const write = (v: unknown): string => {
    if (v === undefined) return "void 0";
    if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
    if (typeof v !== "object") throw new Error(`a ${typeof v} cannot be written as a module`);
    const name = names.get(v);
    if (name !== undefined && made.has(v)) return name;
    made.add(v);
    const source = objectSource(v);
    return name === undefined ? source : `(${name} = ${source})`;
  };
  const objectSource = (v: object): string => {
    if (v instanceof Int32Array || v instanceof Uint8Array) return `new ${v.constructor.name}([${v.join(",")}])`;
    if (Array.isArray(v)) return `[${v.map(write).join(",")}]`;
    if (Object.getPrototypeOf(v) !== Object.prototype) throw new Error(`a ${v.constructor?.name ?? "prototype-less object"} cannot be written as a module`);
    // A key "__proto__" written plainly would set the prototype: computed, it is an own property.
    return `{${Object.entries(v).map(([k, x]) => `${k === "__proto__" ? `[${JSON.stringify(k)}]` : JSON.stringify(k)}:${write(x)}`).join(",")}}`;
  };
  const body = write(value);
  return `${names.size > 0 ? `let ${[...names.values()].join(",")};\n` : ""}export default ${body};\n`;
}
