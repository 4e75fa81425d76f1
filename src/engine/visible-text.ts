// Text from a level shown as what it is. A level may come from a stranger, and bidirectional
// control characters (an RLO, U+202E, say) in a thread's name or a title would make it read
// differently from what it is: "Step Bob" that runs Alice. Every such control is shown as a
// visible tag instead ("⟨U+202E⟩"); the UI also isolates names (<bdi>) so right-to-left letters
// cannot reorder the words around them.

/** The bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the LRM and RLM
 *  marks (U+200E, U+200F) and the Arabic letter mark (U+061C). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `text` with every bidi control character replaced by a visible "⟨U+202E⟩". */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

