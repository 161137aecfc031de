// Customer chat. The visitor token lives in localStorage so a returning visitor resumes their conversation. Sending
// keeps the clientMessageId across retries, so a message sent twice over a flaky network is stored once; showing is
// keyed by seq, so a message is never displayed twice.
(function () {
  const body = document.body;
  const tenant = body.dataset.tenant;
  const api = '/widget/api/' + encodeURIComponent(tenant);
  const storageKey = 'oriole.widget.' + tenant;
  const chat = document.getElementById('chat');
  const form = document.getElementById('composer');
  const text = document.getElementById('text');
  const error = document.getElementById('chat-error');
  const statusBar = document.getElementById('chat-status');
  const params = new URLSearchParams(location.search);
  let token = localStorage.getItem(storageKey);
  let lastSeq = 0;
  let fetching = null;
  let again = false;
  let backoff = 1000;
  let waiting = false;

  const wait = ms => new Promise(resolve => setTimeout(resolve, ms));
  // A 429 says how long to wait; the same request is then sent again.
  const retryAfter = response => Math.max(1, Number(response.headers.get('Retry-After')) || 1) * 1000;

  function newClientMessageId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  async function call(method, path, payload) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers['X-Visitor-Token'] = token;
    return fetch(api + path, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
  }

  async function startSession() {
    let name = params.get('name');
    for (;;) {
      try {
        const response = await call('POST', '/session', {
          token, userId: params.get('userId'), userHash: params.get('userHash'), name,
          locale: document.documentElement.lang
        });
        if (response.ok) {
          token = (await response.json()).token;
          localStorage.setItem(storageKey, token);
          return;
        }
        if (response.status === 401 && token) { token = null; continue; }
        if (response.status === 429) { await wait(retryAfter(response)); continue; }
        // A name the server refuses (too long, unprintable) is dropped rather than retried for ever.
        if (response.status === 400 && name) { name = null; continue; }
      } catch (offline) { /* retried below */ }
      await wait(backoff);
      backoff = Math.min(backoff * 2, 30000);
    }
  }

  function render(message) {
    if (chat.querySelector('[data-seq="' + message.seq + '"]')) return;
    const el = document.createElement('article');
    el.className = 'bubble from-' + message.author;
    el.dataset.seq = message.seq;
    const who = document.createElement('small');
    who.textContent = message.authorName;
    const p = document.createElement('p');
    p.textContent = message.body;
    el.append(who, p);
    chat.appendChild(el);
    chat.scrollTop = chat.scrollHeight;
  }

  /** "Did this solve your problem?" under a bot answer; the first click is the customer's answer. */
  function askFeedback(seq) {
    const bubble = chat.querySelector('[data-seq="' + seq + '"]');
    if (!bubble || bubble.querySelector('.bot-feedback')) return;
    const box = document.createElement('div');
    box.className = 'bot-feedback';
    const question = document.createElement('span');
    question.textContent = body.dataset.feedbackQuestion;
    box.appendChild(question);
    [[true, body.dataset.feedbackYes], [false, body.dataset.feedbackNo]].forEach(([helpful, label]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.dataset.helpful = helpful;
      button.addEventListener('click', async () => {
        box.querySelectorAll('button').forEach(b => { b.disabled = true; });
        const response = await call('POST', '/feedback', { seq, helpful }).catch(() => null);
        if (response && response.ok) {
          box.textContent = body.dataset.feedbackThanks;
          fetchNew();
        } else {
          box.querySelectorAll('button').forEach(b => { b.disabled = false; });
        }
      });
      box.appendChild(button);
    });
    bubble.appendChild(box);
  }

  function showStatus(status) {
    statusBar.hidden = status !== 'resolved';
    statusBar.textContent = body.dataset.statusResolved;
  }

  async function fetchNew() {
    if (fetching) { again = true; return fetching; }
    fetching = (async () => {
      try {
        const response = await call('GET', '/conversation?after=' + lastSeq);
        if (response.status === 401) { await startSession(); return; }
        if (!response.ok) return;
        const view = await response.json();
        // Only a fetch moves lastSeq: it returns everything after it, so nothing below the new value is missing.
        // The send's answer renders the customer's own message without moving it, or an agent's reply stored just
        // before that message (a lower seq) would never be fetched.
        view.messages.forEach(m => { render(m); lastSeq = Math.max(lastSeq, m.seq); });
        (view.feedbackSeqs || []).forEach(askFeedback);
        if (view.status) showStatus(view.status);
      } catch (offline) {
        // The reconnect fetches again after lastSeq.
      } finally {
        fetching = null;
        if (again) { again = false; fetchNew(); }
      }
    })();
    return fetching;
  }

  // Position in line and estimated wait, refreshed when routing pushes that the line moved.
  async function fetchWait() {
    const waitBar = document.getElementById('chat-wait');
    if (!waitBar) return;
    try {
      const response = await call('GET', '/wait');
      if (!response.ok) return;
      const view = await response.json();
      waiting = view.waiting;
      waitBar.hidden = !view.waiting;
      if (view.waiting) {
        waitBar.textContent = waitBar.dataset.position.replace('{0}', view.position) + ' '
            + waitBar.dataset.estimate.replace('{0}', view.estimatedWaitMinutes);
      }
    } catch (offline) {
      // Shown again after the next push.
    }
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const socket = new WebSocket(scheme + location.host + '/ws/widget?token=' + encodeURIComponent(token));
    socket.onopen = () => { backoff = 1000; fetchNew(); };
    socket.onmessage = e => {
      let push = {};
      try { push = JSON.parse(e.data); } catch (ignored) { /* an older push */ }
      if (push.type === 'queue') { fetchWait(); return; }
      // The hello says the server has joined this socket, so no later push can be missed: fetch what came before.
      if (push.type === 'hello') { fetchNew(); fetchWait(); return; }
      // A push for a message this page already shows (the customer's own, answered by the send) needs no fetch.
      if (!(push.seq && chat.querySelector('[data-seq="' + push.seq + '"]'))) fetchNew();
      // The line pushes 'queue' while the customer waits; any other news may mean an agent has taken over.
      if (waiting) fetchWait();
    };
    socket.onclose = () => {
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 30000);
    };
  }

  /** Retries until the server has the message; the same clientMessageId makes the retry harmless. */
  async function send(textValue) {
    const clientMessageId = newClientMessageId();
    const pending = document.createElement('article');
    pending.className = 'bubble from-customer pending';
    pending.textContent = textValue;
    chat.appendChild(pending);
    chat.scrollTop = chat.scrollHeight;
    let delay = 500;
    for (;;) {
      try {
        const response = await call('POST', '/messages', { clientMessageId, text: textValue });
        if (response.ok) {
          pending.remove();
          render(await response.json());
          fetchNew();
          return;
        }
        if (response.status === 401) { await startSession(); continue; }
        if (response.status === 429) { await wait(retryAfter(response)); continue; }
        if (response.status >= 400 && response.status < 500 && response.status !== 409) {
          pending.remove();
          const problem = await response.json().catch(() => ({}));
          error.textContent = problem.field !== 'text' ? body.dataset.errorSend
            : problem.reason === 'TOO_LONG' ? body.dataset.errorLength : body.dataset.errorText;
          error.hidden = false;
          return;
        }
      } catch (offline) { /* network down: retry */ }
      await wait(delay);
      delay = Math.min(delay * 2, 10000);
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    const value = text.value.trim();
    error.hidden = true;
    if (!value) return;
    text.value = '';
    send(value);
  });
  text.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  window.addEventListener('online', fetchNew);

  startSession().then(() => { fetchNew(); fetchWait(); connect(); });
})();
