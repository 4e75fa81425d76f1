// The storage zustand's `persist` talks to, for every save the game keeps in the browser (progress,
// the player's own levels). It reads the raw text itself, so that a save which is not JSON, or
// not a `{ state, version }` envelope, is noticed here (`unreadable`) instead of throwing inside
// `persist`; `keepAside` then copies the raw text to a key of its own, so nothing is silently lost.
// When the copy cannot be made, or the save is not ours to overwrite (a newer game's), writes are
// held: the save stays exactly as it was and the game runs on what is in memory.

import type { PersistStorage, StateStorage, StorageValue } from "zustand/middleware";

export interface SavedStorageHooks {
  /** A write failed (storage full or forbidden, or writes are held); what was to be saved lives in memory only. */
  onWriteError?(error: unknown): void;
  /** A write succeeded. */
  onWrite?(): void;
}

export interface SavedStorageOptions extends SavedStorageHooks {
  /** Where an unreadable save is copied. */
  corruptKey: string;
  /** Keep earlier copies: when corruptKey is taken, use corruptKey.2, .3, ... instead of replacing it. */
  keepEarlier?: boolean;
}

/** Where `keepAside` put the save: its key, or why it could not, in which case the save was left in place. */
export type KeptAside = { kept: true; key: string } | { kept: false; error: unknown };

/** Thrown to `onWriteError` for a write skipped because writes are held. */
export class WritesHeld extends Error {
  constructor() {
    super("the save is left as it was: writes are held");
    this.name = "WritesHeld";
  }
}

export function savedStorage<S>(backing: StateStorage, { corruptKey, keepEarlier = false, ...hooks }: SavedStorageOptions) {
  let raw: string | null = null;
  // Writes that would not change the stored text are skipped: many state changes touch nothing saved.
  let lastWritten: string | null = null;
  const quietly = (f: () => void) => {
    try {
      f();
    } catch {
      // Full or forbidden storage: nothing more to do here.
    }
  };
  const reader = {
    unreadable: false,
    /** While true, nothing is written: the save stays as it was read. */
    held: false,
    storage: {
      getItem(name: string): StorageValue<S> | null {
        raw = backing.getItem(name) as string | null;
        reader.unreadable = false;
        lastWritten = raw;
        if (raw === null) return null;
        try {
          const value: unknown = JSON.parse(raw);
          if (typeof value === "object" && value !== null && "state" in value && typeof (value as { version?: unknown }).version === "number") {
            return value as StorageValue<S>;
          }
        } catch {
          // not JSON
        }
        reader.unreadable = true;
        return null;
      },
      setItem(name: string, value: StorageValue<S>) {
        if (reader.held) {
          hooks.onWriteError?.(new WritesHeld());
          return;
        }
        const text = JSON.stringify(value);
        if (text === lastWritten) return;
        try {
          backing.setItem(name, text);
        } catch (e) {
          hooks.onWriteError?.(e);
          return;
        }
        lastWritten = text;
        hooks.onWrite?.();
      },
      removeItem(name: string) {
        if (reader.held) return;
        quietly(() => backing.removeItem(name));
        lastWritten = null;
      },
    } satisfies PersistStorage<S>,
    /**
     * Copies the save as read to the corrupt key, then removes it. When the copy fails (storage
     * full), the save is left where it is and writes are held, so it is not overwritten either.
     */
    keepAside(name: string): KeptAside {
      if (raw === null) return { kept: false, error: new Error("nothing was read") };
      let key = corruptKey;
      try {
        for (let n = 2; keepEarlier && backing.getItem(key) !== null && n < 1000; n++) key = `${corruptKey}.${n}`;
        backing.setItem(key, raw);
      } catch (error) {
        reader.held = true;
        return { kept: false, error };
      }
      quietly(() => backing.removeItem(name));
      raw = null;
      lastWritten = null;
      return { kept: true, key };
    },
    /** Leaves the save as it was read: nothing is written until `release`. */
    hold() {
      reader.held = true;
    },
    /** Writes again (the player chose to start afresh, or the save was read anew); the next change replaces the save. */
    release() {
      reader.held = false;
    },
  };
  return reader;
}
