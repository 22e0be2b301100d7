// A view's loads overlap: the 15 s timer, a filter change and the refresh button each start one,
// and their answers arrive in any order (a slow server, a busy browser). A load that was overtaken
// must not draw over the newer one: an answer for the old outcome filter would put every series
// back into a chart filtered to one.

/** Hands out turns; only the newest turn is still current. */
export function newestOnly() {
  let newest = 0;
  return {
    /** Starts a load: the returned function tells whether no later load has started since. */
    begin() {
      const turn = ++newest;
      return () => turn === newest;
    },
  };
}
