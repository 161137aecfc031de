// Operator console: times are sent as ISO instants and shown in the operator's own time zone, the browser's.
(function () {
  const lang = document.documentElement.lang || undefined;
  document.querySelectorAll('time[datetime]').forEach(t => {
    const d = new Date(t.getAttribute('datetime'));
    if (!isNaN(d)) {
      t.textContent = d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
    }
  });
  const zone = document.getElementById('operator-zone');
  if (zone) {
    zone.textContent = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
})();
