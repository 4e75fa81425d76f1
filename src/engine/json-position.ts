// Reads a level file as strict JSON (jsonc-parser, so even broken files give a tree and every
// error a place): syntax errors in words an instructor understands, and the 1-based line and
// column of any value by its JSON path.

import { createScanner, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, visit, type Node, type ParseError } from "jsonc-parser";
import { err, ok, type LevelError, type Result } from "./result";

export type JsonPath = (string | number)[];
export interface Position {
  line: number;
  column: number;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };
/** Level files nest 5 deep; the limit keeps the recursive parsers far from the stack's end. */
const MAX_NESTING = 100;

/** Maps offsets in `text` to 1-based lines and columns (columns count UTF-16 units, as editors do). */
export function lineMap(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // "\n", "\r\n" and a lone "\r" each end a line, as they do for jsonc-parser.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
}

/** A parsed file: its tree (for positions) and its value. */
export class JsonDocument {
  readonly positionAt: (offset: number) => Position;

  constructor(
    readonly text: string,
    readonly root: Node,
    readonly value: unknown,
  ) {
    this.positionAt = lineMap(text);
  }

  /** The node of the value at `path`, or undefined when the file has no such value. */
  nodeAt(path: JsonPath): Node | undefined {
    return path.length === 0 ? this.root : findNodeAtLocation(this.root, path);
  }

  /** The node of the key of the property at `path` (whose last part is the key). */
  keyNodeAt(path: JsonPath): Node | undefined {
    const owner = this.nodeAt(path.slice(0, -1));
    const key = path[path.length - 1];
    const property = owner?.type === "object" ? owner.children?.find((p) => p.children?.[0]?.value === key) : undefined;
    return property?.children?.[0];
  }
}

/** Parses `text` as strict JSON: the document, or every syntax error. */
export function parseJsonDocument(text: string): Result<JsonDocument, LevelError[]> {
  const deep = tooDeep(text);
  if (deep !== undefined) {
    return err([syntaxError(lineMap(text)(deep), `the JSON nests more than ${MAX_NESTING} levels deep`)]);
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  if (errors.length > 0 || !root) {
    const described = describeSyntaxErrors(text);
    if (described.length > 0) return err(described);
    const positionAt = lineMap(text);
    return err(errors.map((e) => syntaxError(positionAt(e.offset), `invalid JSON (${printParseErrorCode(e.error)})`)));
  }
  return ok(new JsonDocument(text, root, getNodeValue(root)));
}

/** 1-based position of the JSON value at `path` in `text`, or undefined if there is none. */
export function positionOf(text: string, path: JsonPath): Position | undefined {
  if (tooDeep(text) !== undefined) return undefined;
  const root = parseTree(text, [], STRICT);
  if (!root) return undefined;
  const node = path.length === 0 ? root : findNodeAtLocation(root, path);
  return node ? lineMap(text)(node.offset) : undefined;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values.
const OPEN_BRACE = 1, CLOSE_BRACE = 2, OPEN_BRACKET = 3, CLOSE_BRACKET = 4, EOF = 17;

/**
 * Offset of the bracket that opens the level too deep, if any. The tokens are jsonc-parser's own,
 * so strings, comments and line breaks split the text exactly as for the parser. A closing
 * bracket that does not match the innermost open one closes nothing here: the parser may skip it
 * while recovering from an error, so only this way is the count never below the parser's depth.
 */
function tooDeep(text: string): number | undefined {
  const scanner = createScanner(text, true);
  const open: number[] = [];
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (open.push(token) > MAX_NESTING) return scanner.getTokenOffset();
    } else if ((token === CLOSE_BRACE || token === CLOSE_BRACKET) && open[open.length - 1] === token - 1) {
      open.pop();
    }
  }
  return undefined;
}

function syntaxError({ line, column }: Position, message: string): LevelError {
  return { code: "json-syntax", message, line, column };
}

interface Container {
  kind: "object" | "array";
  offset: number;
}

/**
 * Walks the file again with jsonc-parser's visitor, which knows the open objects and arrays at
 * each error. An error the parser reports before it has read past the previous one is a
 * consequence of it, not news, and is left out; so is everything after a broken string.
 */
function describeSyntaxErrors(text: string): LevelError[] {
  const positionAt = lineMap(text);
  const contentEnd = text.trimEnd().length;
  const atEnd = (offset: number) => offset >= contentEnd;
  const found: LevelError[] = [];
  const open: Container[] = [];
  let unclosed: Container | undefined; // the innermost container the parser closed at the end of the file
  let rootDone = false;
  let expectKey = false;
  let lastEnd = -1; // end of the last reported error
  let progressed = true;
  let lost = false; // after a string broken by a line break, every later quote is misread
  const event = (offset: number) => {
    if (offset >= lastEnd && !atEnd(offset)) progressed = true;
  };
  const close = (offset: number) => {
    event(offset);
    const container = open.pop();
    if (atEnd(offset)) unclosed ??= container;
    rootDone = open.length === 0;
    expectKey = false;
  };
  // The callbacks have block bodies: a begin callback that returns false makes visit skip the contents.
  visit(
    text,
    {
      onObjectBegin: (offset) => {
        event(offset);
        open.push({ kind: "object", offset });
        expectKey = true;
      },
      onArrayBegin: (offset) => {
        event(offset);
        open.push({ kind: "array", offset });
        expectKey = false;
      },
      onObjectEnd: (offset) => close(offset),
      onArrayEnd: (offset) => close(offset),
      onObjectProperty: (_property, offset) => {
        event(offset);
        expectKey = false;
      },
      onLiteralValue: (_value, offset) => {
        event(offset);
        if (open.length === 0) rootDone = true;
      },
      onSeparator: (separator, offset) => {
        event(offset);
        expectKey = separator === "," && open[open.length - 1]?.kind === "object";
      },
      onError: (code, offset, length) => {
        if (!progressed || lost) return;
        const name = printParseErrorCode(code);
        const [at, message] = describe(name, offset, length);
        lost = name === "UnexpectedEndOfString";
        found.push(syntaxError(positionAt(at), message));
        lastEnd = Math.max(offset + length, offset + 1);
        progressed = false;
      },
    },
    STRICT,
  );
  return found;

  function describe(code: string, offset: number, length: number): [number, string] {
    const token = text.slice(offset, offset + length);
    const inner = open[open.length - 1];
    if (atEnd(offset) && code !== "UnexpectedEndOfString" && code !== "UnexpectedEndOfComment") {
      if (open.length === 0 && !rootDone && !unclosed) return [0, "the file is empty: a level is a JSON object, { ... }"];
      const container = unclosed ?? inner;
      if (!container) return [offset, "unexpected end of file"];
      const { line, column } = positionAt(container.offset);
      return [offset, `unexpected end of file: the ${container.kind} that opens at line ${line}, col ${column} is not closed`];
    }
    const comma = trailingComma(offset);
    switch (code) {
      case "PropertyNameExpected":
        if (comma !== undefined) return [comma, "trailing commas are not allowed in JSON"];
        return [offset, "expected a property name in double quotes"];
      case "ValueExpected":
        if (comma !== undefined) return [comma, "trailing commas are not allowed in JSON"];
        return [offset, expectKey ? "expected a property name in double quotes" : "expected a value"];
      case "InvalidSymbol":
        if (token.startsWith("'")) return [offset, "strings need double quotes, not single quotes"];
        if (expectKey) return [offset, "expected a property name in double quotes"];
        if (rootDone && open.length === 0) return [offset, "unexpected text after the end of the JSON object"];
        return [offset, `unexpected ${JSON.stringify(token.slice(0, 20))}: expected a value (a number, a string in double quotes, true, false, null, an array or an object)`];
      case "EndOfFileExpected":
        return [offset, "unexpected text after the end of the JSON object"];
      case "ColonExpected":
        return [offset, "expected a colon after the property name"];
      case "CommaExpected":
        // jsonc-parser reads 01 as two numbers.
        if (/\d/.test(text[offset]) && /(^|[^\d.eE+-])-?0$/.test(text.slice(0, offset))) {
          return [offset - 1, "a number in JSON cannot start with 0 unless it is 0 (write 1, not 01)"];
        }
        return [offset, inner?.kind === "array" ? "expected a comma or a closing bracket" : "expected a comma or a closing brace"];
      case "CloseBraceExpected":
      case "CloseBracketExpected":
        return [offset, inner?.kind === "array" ? "expected a comma or a closing bracket" : "expected a comma or a closing brace"];
      case "InvalidCommentToken":
      case "UnexpectedEndOfComment":
        return [offset, "comments are not allowed in JSON"];
      case "UnexpectedEndOfString":
        if (offset + length >= text.length) return [offset, "this string has no closing quote"];
        return [offset, 'a string must end on the line it starts on; write "\\n" for a line break inside it'];
      case "InvalidNumberFormat":
      case "UnexpectedEndOfNumber":
        return [offset, `invalid number ${JSON.stringify(token)}`];
      case "InvalidUnicode": {
        const at = token.search(/\\u(?![0-9a-fA-F]{4})/);
        return [offset + Math.max(at, 0), 'a "\\u" escape needs four hex digits, like "\\u00e9"'];
      }
      case "InvalidEscapeCharacter": {
        const bad = /\\[^"\\/bfnrtu]/.exec(token);
        const shown = bad ? ` "${bad[0]}"` : "";
        return [offset + (bad?.index ?? 0), `invalid escape${shown} in a string; write "\\\\" for a backslash`];
      }
      case "InvalidCharacter": {
        const at = token.search(/[\u0000-\u001f]/);
        const tab = token[at] === "\t";
        return [offset + Math.max(at, 0), tab ? 'a tab inside a string must be written "\\t"' : "a control character inside a string must be escaped"];
      }
      default:
        return [offset, `invalid JSON (${code})`];
    }
  }

  /** Offset of the comma before a closing brace or bracket at `offset`, if that is what is there. */
  function trailingComma(offset: number): number | undefined {
    if (text[offset] !== "}" && text[offset] !== "]") return undefined;
    let i = offset - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    return text[i] === "," ? i : undefined;
  }
}
