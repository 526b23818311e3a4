/** Where focus goes when the control that had it is gone: the page's main heading. */
export function focusMainHeading(): boolean {
  const h1 = document.querySelector<HTMLElement>("#main h1");
  const target = h1 ?? document.querySelector<HTMLElement>("#main");
  if (!target) return false;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: false });
  return true;
}

/**
 * After a page change, moves focus to the new page's heading once it has rendered (routes load
 * their code and data first), unless the user or the page has already put focus somewhere.
 */
export function focusHeadingAfterNavigation(from: Element | null): () => void {
  let frames = 0;
  let handle = 0;
  const tick = () => {
    const active = document.activeElement;
    const untouched = !active || active === document.body || active === from || !active.isConnected;
    if (!untouched) return;
    if (document.querySelector("#main h1")) {
      focusMainHeading();
      return;
    }
    if (++frames < 180) handle = requestAnimationFrame(tick);
  };
  handle = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(handle);
}
