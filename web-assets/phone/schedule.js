// Many things ask for a render (events, presence, outbox, contacts); they are gathered so a
// burst of them costs one render.
export function coalesced(render) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      render();
    });
  };
}
