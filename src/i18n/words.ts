// Words kept to be said later: a message id and its values, no catalog needed. Apart from index.ts
// (which loads the catalogs) so that the stores, and the e2e suite that reads their keys under
// Node, can make them without the message bundles.

import type { MessageId } from "./ids";

/** A placeholder's value; words kept for later (a list of them is said joined by commas) are said with the message. */
export type Values = Record<string, string | number | undefined | Words | readonly Words[]>;

/**
 * Words to be shown later, in whatever language is current then. A store keeps these rather than
 * text: it may be made before a catalog has loaded, and the player may switch language after.
 */
export interface Words {
  id: MessageId;
  values?: Values;
}

export function words(id: MessageId, values?: Values): Words {
  return values === undefined ? { id } : { id, values };
}
