// What an embedded page (?embed=1, the dashboard) tells its host, besides the readiness title:
// - links to another key, owner, API or namespace ask for a new window, which the host turns into
//   its own page for that entity. A plain fragment link would switch the view inside the embed,
//   and a same-document navigation never reaches the host (Qt WebEngine reports no navigation
//   request for it), so the host could not follow it.
// - the document's height, as a console message "latchkey:height <px>" whenever it changes, so the
//   host can give the view the height its content needs instead of a box that scrolls inside a
//   page that scrolls. The body is measured, not the scrolling element: that is never shorter
//   than the view, so a view taller than its content could never shrink back.
// - the keyboard: the host's Tab chain goes through the page's controls. The host calls
//   window.latchkeyFocusEdge('first' | 'last') when Tab (Shift+Tab) enters the view; Tab on the
//   last control (Shift+Tab on the first) stays out of Chromium, which would keep it in the page,
//   and tells the host "latchkey:leave next" ("... previous") instead. Each focused control's
//   place in the view goes to the host as "latchkey:focus <left> <top> <right> <bottom>", so a page that scrolls
//   around the view can show it. The keyboard's focus is framed (html[data-keyboard]) until the
//   next pointer press.
// The host tells the page in turn, by the window event RENAMED_EVENT, that it renamed what the
// view shows (the dashboard's key page): the view looks the name up anew for its heading.
// The standalone console does none of this: its links stay in the page.

/** The console message that carries the document's height (docs/console.md). */
export const HEIGHT_MESSAGE = 'latchkey:height';
/** The window event by which the host says it renamed what the view shows. */
export const RENAMED_EVENT = 'latchkey:renamed';

function openLinksInHost() {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
    if (link) link.target = '_blank';
  }, true);
}

function reportHeight() {
  let reported = -1;
  const report = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    console.info(`${HEIGHT_MESSAGE} ${height}`);
  };
  new ResizeObserver(report).observe(document.body);
  report();
}

/** The console message that asks the host to move its focus on: "latchkey:leave next|previous". */
export const LEAVE_MESSAGE = 'latchkey:leave';
/** The focused control's place in the view (CSS px): "latchkey:focus <left> <top> <right> <bottom>". */
export const FOCUS_MESSAGE = 'latchkey:focus';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The page's Tab stops in document order (no positive tabindex in the console). */
function tabStops() {
  return [...document.querySelectorAll(FOCUSABLE)].filter((element) => element.tabIndex >= 0 && !element.disabled
    && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden');
}

function markKeyboard(on) {
  if (on) document.documentElement.dataset.keyboard = '';
  else delete document.documentElement.dataset.keyboard;
}

function passTabToHost() {
  window.latchkeyFocusEdge = (edge) => {
    const stops = tabStops();
    const target = edge === 'last' ? stops[stops.length - 1] : stops[0];
    if (!target) return false;
    markKeyboard(true);
    target.focus();
    return true;
  };
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    markKeyboard(true);
    const stops = tabStops();
    const at = stops.indexOf(document.activeElement);
    // Nothing focused (a click beside the controls): the first or the last control, as on entry.
    if (at < 0 && stops.length > 0) {
      event.preventDefault();
      stops[event.shiftKey ? stops.length - 1 : 0].focus();
      return;
    }
    if (event.shiftKey ? at > 0 : at < stops.length - 1) return; // Chromium moves on inside the page
    event.preventDefault();
    console.info(`${LEAVE_MESSAGE} ${event.shiftKey ? 'previous' : 'next'}`);
  }, true);
  document.addEventListener('pointerdown', () => markKeyboard(false), true);
  // After the frame: Chromium scrolls the control into the page's own view first.
  document.addEventListener('focusin', () => requestAnimationFrame(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return;
    const rect = focused.getBoundingClientRect();
    const edges = [Math.floor(rect.left), Math.floor(rect.top), Math.ceil(rect.right), Math.ceil(rect.bottom)];
    console.info(`${FOCUS_MESSAGE} ${edges.join(' ')}`);
  }));
}

/** Starts what an embedded page does for its host (call only in embed mode). */
export function startEmbedding() {
  openLinksInHost();
  reportHeight();
  passTabToHost();
}
