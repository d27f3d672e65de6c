// The task list listens for new tasks and fetches its rows again, without reloading the page.
(function () {
  const table = document.getElementById('tasks');
  if (!table || !window.EventSource) {
    return;
  }
  const live = document.getElementById('live');
  let reconnecting = false;

  async function refresh(announce) {
    const reply = await fetch(window.location.href, { headers: { 'Accept': 'text/html' } });
    if (!reply.ok) {
      return;
    }
    const page = new DOMParser().parseFromString(await reply.text(), 'text/html');
    for (const id of ['tasks', 'views', 'pages']) {
      const fresh = page.getElementById(id);
      const current = document.getElementById(id);
      if (fresh && current) {
        current.replaceWith(fresh);
      }
    }
    if (announce && live) {
      live.textContent = live.dataset.message;
    }
  }

  const source = new EventSource('/desk/tasks/stream');
  source.addEventListener('open', () => {
    document.body.dataset.live = 'on';
    // Tasks created while the stream was down are fetched once it is back.
    if (reconnecting) {
      refresh(false);
    }
  });
  source.addEventListener('error', () => {
    reconnecting = true;
    document.body.dataset.live = 'off';
  });
  source.addEventListener('task', () => refresh(true));
})();

// A deal's diagram opens scrolled to where the process stands.
(function () {
  const frame = document.querySelector('.diagram-frame');
  const active = frame && (frame.querySelector('.el.active') || [...frame.querySelectorAll('.el.done')].pop());
  if (!active) {
    return;
  }
  const box = active.getBoundingClientRect();
  const outer = frame.getBoundingClientRect();
  frame.scrollLeft += box.left - outer.left - outer.width / 3;
  frame.scrollTop += box.top - outer.top - outer.height / 2;
})();

// Times carry their UTC instant; each is shown again in the reader's own zone.
(function () {
  for (const time of document.querySelectorAll('main time[datetime]')) {
    const at = new Date(time.getAttribute('datetime'));
    if (!isNaN(at)) {
      time.title = time.textContent;
      time.textContent = at.toLocaleString(document.documentElement.lang || undefined, { year: 'numeric',
        month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
    }
  }
})();
