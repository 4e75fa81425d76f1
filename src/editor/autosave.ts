// Saving a draft as it is typed: a save waits until typing pauses (DELAY_MS), and anything still
// waiting is saved at once when the page is hidden or left (pagehide, visibilitychange), when the
// editor closes, or when asked (before an export). localStorage writes are synchronous, so a save
// that has started is done; a crash loses at most the last pause's worth of typing.

export const AUTOSAVE_DELAY_MS = 400;

export interface Autosave {
  /** Remembers `text` to save once typing pauses. */
  schedule(text: string): void;
  /** Saves what is waiting, now. */
  flush(): void;
  /** Is something waiting to be saved? */
  pending(): boolean;
  /** Flushes and stops listening to the page. */
  close(): void;
}

export function createAutosave(save: (text: string) => void, onPendingChange: (pending: boolean) => void = () => {}, target: Pick<Window, "addEventListener" | "removeEventListener"> | null = typeof window === "undefined" ? null : window, delayMs = AUTOSAVE_DELAY_MS): Autosave {
  let waiting: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting === null) return;
    const text = waiting;
    waiting = null;
    save(text);
    onPendingChange(false);
  };
  const onHidden = () => {
    if (typeof document === "undefined" || document.visibilityState === "hidden") flush();
  };
  target?.addEventListener("pagehide", flush);
  target?.addEventListener("visibilitychange", onHidden);
  return {
    schedule(text) {
      const was = waiting !== null;
      waiting = text;
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
      if (!was) onPendingChange(true);
    },
    flush,
    pending: () => waiting !== null,
    close() {
      flush();
      target?.removeEventListener("pagehide", flush);
      target?.removeEventListener("visibilitychange", onHidden);
    },
  };
}
