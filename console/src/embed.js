// What an embedded page (?embed=1, the dashboard) tells its host, besides the readiness title:
// - links to another key, owner, API or namespace ask for a new window, which the host turns into
//   its own page for that entity. A plain fragment link would switch the view inside the embed,
//   and a same-document navigation never reaches the host (Qt WebEngine reports no navigation
//   request for it), so the host could not follow it.
// - the document's height, as a console message "latchkey:height <px>" whenever it changes, so the
//   host can give the view the height its content needs instead of a box that scrolls inside a
//   page that scrolls. The body is measured, not the scrolling element: that is never shorter
//   than the view, so a view taller than its content could never shrink back.
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

/** Starts what an embedded page does for its host (call only in embed mode). */
export function startEmbedding() {
  openLinksInHost();
  reportHeight();
}
