// On a laptop the board (threads, their Step buttons, the shared state) must fit the screen
// without scrolling. How far down the page it starts depends on what sits above it (a title that
// wraps, a notice, a fix-it replay bar), which CSS cannot know: this measures it and hands it to
// the stylesheet as --board-top, which caps the board's height (see board.css). A board that
// cannot fit however its code scrolls (a stranger's level of 16 threads, or of names a thousand
// letters long) is let loose instead, to grow down the page, rather than spill over what follows.

/** Starts keeping the board's --board-top up to date; returns the cleanup. */
export function fitBoard(board: HTMLElement): () => void {
  const update = () => {
    const top = `${Math.ceil(board.getBoundingClientRect().top + window.scrollY)}px`;
    if (board.style.getPropertyValue("--board-top") !== top) board.style.setProperty("--board-top", top);
    loosenIfSpilling(board);
  };
  // A new window size may have room for the board again.
  const resized = () => {
    delete board.dataset.fit;
    update();
  };
  update();
  if (typeof ResizeObserver === "undefined") return () => {};
  // Anything above the board that changes height changes the page's height too.
  const observer = new ResizeObserver(update);
  observer.observe(document.body);
  window.addEventListener("resize", resized);
  return () => {
    observer.disconnect();
    window.removeEventListener("resize", resized);
  };
}

/** Lets the board grow when its content spills out of it: a thread's buttons out of its panel,
 *  a panel or the shared state out of the board. Checked after every move, since state grows. */
export function loosenIfSpilling(board: HTMLElement): void {
  if (board.dataset.fit === "loose") return;
  const bottom = (el: Element | null) => el?.getBoundingClientRect().bottom ?? -Infinity;
  const limit = bottom(board) + 1;
  const spills =
    bottom(board.querySelector(".shared")) > limit ||
    [...board.querySelectorAll(".thread")].some((t) => bottom(t) > limit || bottom(t.querySelector(".thread-actions")) > bottom(t) + 1);
  if (spills) board.dataset.fit = "loose";
}
