// The storage zustand's `persist` talks to, for every save the game keeps in the browser (progress,
// the player's own levels). It reads the raw text itself, so that a save which is not JSON, or
// not a `{ state, version }` envelope, is noticed here (`unreadable`) instead of throwing inside
// `persist`; `keepAside` then copies the raw text to a key of its own, so nothing is silently lost.

import type { PersistStorage, StateStorage, StorageValue } from "zustand/middleware";

export interface SavedStorageHooks {
  /** A write failed (storage full or forbidden); what was to be saved lives in memory only. */
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
        quietly(() => backing.removeItem(name));
        lastWritten = null;
      },
    } satisfies PersistStorage<S>,
    /** Copies the save as read to the corrupt key and removes it; returns the key it went to. */
    keepAside(name: string): string | null {
      let key: string | null = null;
      if (raw !== null) {
        const text = raw;
        key = corruptKey;
        for (let n = 2; keepEarlier && backing.getItem(key) !== null && n < 1000; n++) key = `${corruptKey}.${n}`;
        const aside = key;
        quietly(() => backing.setItem(aside, text));
      }
      quietly(() => backing.removeItem(name));
      raw = null;
      lastWritten = null;
      return key;
    },
  };
  return reader;
}
