// SLA in the workspace: ticks every countdown once a second, sorts the inbox by the earliest deadline (overdue
// first, conversations without a deadline last) and shows live alerts to the owner and, on the last rung, to
// supervisors. Countdowns count from the server's clock (data-now), so they agree with the stored deadlines.
(function () {
  const seen = new WeakMap();
  const live = document.getElementById('sla-live');
  const alertBox = document.getElementById('sla-alert');

  function remaining(el) {
    if (!seen.has(el)) seen.set(el, Date.now());
    const serverNow = Date.parse(el.dataset.now) + (Date.now() - seen.get(el));
    return Date.parse(el.dataset.due) - serverNow;
  }

  function format(ms) {
    const sign = ms < 0 ? '-' : '';
    let s = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60); s -= m * 60;
    const pad = n => String(n).padStart(2, '0');
    return sign + (h > 0 ? h + ':' + pad(m) : m) + ':' + pad(s);
  }

  function tick() {
    document.querySelectorAll('.sla-countdown[data-due]').forEach(el => {
      const ms = remaining(el);
      el.textContent = format(ms);
      el.classList.toggle('sla-overdue', ms <= 0);
      el.classList.toggle('sla-soon', ms > 0 && ms < 5 * 60 * 1000);
      const item = el.closest('.inbox-item');
      if (item) item.classList.toggle('sla-overdue', ms <= 0);
    });
  }

  function sortInbox() {
    const list = document.getElementById('inbox-list');
    if (!list) return;
    const items = Array.from(list.querySelectorAll(':scope > .inbox-item'));
    const key = item => {
      const c = item.querySelector('.sla-countdown[data-due]');
      return c ? Date.parse(c.dataset.due) : Number.POSITIVE_INFINITY;
    };
    items.map((item, i) => ({ item, i, k: key(item) }))
      .sort((a, b) => (a.k - b.k) || (a.i - b.i))
      .forEach(({ item }) => list.appendChild(item));
  }

  function showAlert(text, warning) {
    if (!alertBox || !text) return;
    alertBox.textContent = text;
    alertBox.classList.toggle('warning', !!warning);
    alertBox.hidden = false;
    clearTimeout(showAlert.timer);
    showAlert.timer = setTimeout(() => { alertBox.hidden = true; }, 10000);
  }

  document.addEventListener('oriole:live', e => {
    const event = e.detail;
    if (!event || event.type !== 'sla' || !live) return;
    const mine = live.dataset.myAgent && String(event.assigneeAgentId) === live.dataset.myAgent;
    const supervisor = live.dataset.supervisor === 'true' && event.notifySupervisors;
    if (!(mine || supervisor)) return;
    const text = { WARNING: live.dataset.textWarning, REMINDER: live.dataset.textReminder,
      BREACHED: live.dataset.textBreached, ESCALATED: live.dataset.textEscalated }[event.kind];
    if (text) showAlert(text.replace('{0}', '#' + event.conversationId), event.kind === 'WARNING' || event.kind === 'REMINDER');
  });

  document.addEventListener('htmx:afterSwap', () => { sortInbox(); tick(); });
  sortInbox();
  tick();
  setInterval(tick, 1000);
})();
