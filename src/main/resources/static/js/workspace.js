// Agent workspace: live updates over /ws/agent. A push only says "conversation X changed (seq N)"; the page then
// fetches what is new after the last seq it holds, and drops any seq it already shows, so a message appears once
// even when a push, a reconnect and the sender's own refresh all race.
(function () {
  const body = document.body;
  const box = document.getElementById('messages');
  const liveState = document.getElementById('live-state');
  const toast = document.getElementById('toast');
  const lang = document.documentElement.lang || undefined;
  let lastSeq = 0;
  let fetching = null;
  let again = false;
  let backoff = 1000;
  let connectedBefore = false;

  function formatTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(t => {
      const d = new Date(t.getAttribute('datetime'));
      if (!isNaN(d)) {
        t.textContent = d.toLocaleString(lang, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      }
    });
  }

  function showToast(text) {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(() => { toast.hidden = true; }, 6000);
  }

  function scrollToEnd() {
    box.scrollTop = box.scrollHeight;
  }

  async function fetchNew() {
    if (!box) return;
    if (fetching) { again = true; return fetching; }
    fetching = (async () => {
      try {
        const response = await fetch(box.dataset.src + '?after=' + lastSeq, { headers: { 'HX-Request': 'true' } });
        if (!response.ok) return;
        const template = document.createElement('template');
        template.innerHTML = await response.text();
        template.content.querySelectorAll('[data-seq]').forEach(el => {
          const seq = Number(el.dataset.seq);
          if (seq <= lastSeq || box.querySelector('[data-seq="' + seq + '"]')) return;
          formatTimes(el);
          box.appendChild(el);
          lastSeq = Math.max(lastSeq, seq);
        });
        scrollToEnd();
      } catch (offline) {
        // The reconnect re-fetches after lastSeq; nothing to do now.
      } finally {
        fetching = null;
        if (again) { again = false; fetchNew(); }
      }
    })();
    return fetching;
  }

  function setLive(online) {
    liveState.textContent = online ? liveState.dataset.online : liveState.dataset.offline;
    liveState.classList.toggle('offline', !online);
  }

  // The inbox follows pushes at most once a second, at once when it has been quiet and once more after a burst, so
  // that a busy floor neither reloads it many times a second nor (as a debounce would) never reloads it at all.
  let lastInbox = 0;
  let inboxTimer = null;
  function refreshInbox() {
    if (inboxTimer) return;
    const wait = Math.max(0, lastInbox + 1000 - Date.now());
    inboxTimer = setTimeout(() => {
      inboxTimer = null;
      lastInbox = Date.now();
      htmx.trigger(body, 'inbox-refresh');
    }, wait);
  }

  // Live panels (SLA, triage, header, timeline) refresh on conv-changed. A push that lands while a panel is being
  // swapped in finds no listener on it yet, so after each burst of pushes one trailing refresh settles every panel.
  let trailingRefresh = null;
  function convChanged() {
    htmx.trigger(body, 'conv-changed');
    clearTimeout(trailingRefresh);
    trailingRefresh = setTimeout(() => htmx.trigger(body, 'conv-changed'), 400);
  }

  function connect() {
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/agent');
    socket.onopen = () => {
      backoff = 1000;
      setLive(true);
    };
    socket.onmessage = e => {
      const event = JSON.parse(e.data);
      // The server has joined this socket: every later push will arrive, so fetch whatever came before.
      if (event.type === 'hello') {
        // Whatever happened before: new messages, the inbox, and, after a reconnect, every live panel (SLA,
        // triage, header, offers), whose pushes were lost with the old socket.
        fetchNew();
        htmx.trigger(body, 'inbox-refresh');
        if (connectedBefore) {
          convChanged();
          htmx.trigger(body, 'offers-changed');
        }
        connectedBefore = true;
        return;
      }
      document.dispatchEvent(new CustomEvent('oriole:live', { detail: event }));
      if (event.type === 'offer') { htmx.trigger(body, 'offers-changed'); return; }
      if (event.type === 'supervisor-alert') { alertSupervisor(event); return; }
      refreshInbox();
      if (box && String(event.conversationId) === box.dataset.conversationId) {
        if (event.seq) fetchNew(); else convChanged();
      }
    };
    socket.onclose = () => {
      setLive(false);
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 30000);
    };
  }

  // Routing: urgent or VIP work with no free senior agent (only supervisors' sockets receive it).
  function alertSupervisor(event) {
    const panel = document.getElementById('routing-panel');
    showToast((panel ? panel.dataset.alert : 'Urgent work waiting') + ' #' + event.conversationId);
  }

  // Presence heartbeat: the server counts an agent offline 60 s after the last one, so a closed tab stops
  // receiving work within a minute. The first beat marks a newly opened workspace online.
  function heartbeat(first) {
    let headers = {};
    try { headers = JSON.parse(body.getAttribute('hx-headers') || '{}'); } catch (ignored) { /* no CSRF header */ }
    fetch('/workspace/presence', { method: 'POST', headers: headers, credentials: 'same-origin' })
      .then(() => { if (first === true) htmx.trigger(body, 'offers-changed'); })
      .catch(() => {});
  }
  heartbeat(true);
  setInterval(heartbeat, 20000);

  if (box) {
    box.querySelectorAll('[data-seq]').forEach(el => { lastSeq = Math.max(lastSeq, Number(el.dataset.seq)); });
    scrollToEnd();
  }
  formatTimes(document);
  body.addEventListener('messages-changed', fetchNew);
  document.addEventListener('htmx:load', e => formatTimes(e.detail.elt));
  document.addEventListener('htmx:responseError', e => showToast(e.detail.xhr.responseText || e.detail.xhr.statusText));
  document.addEventListener('htmx:sendError', () => showToast(liveState.dataset.offline));
  window.addEventListener('online', fetchNew);
  connect();
})();
