// The what-if page's charts, drawn from the simulator's own JSON report (the same as `simulate --json`), which the
// server puts on #whatif-charts: service level by priority for the history and each policy, the wait of answered
// conversations, and the mean queue length over the day. Each canvas gets data-drawn="true" once drawn.
(function () {
  const host = document.getElementById('whatif-charts');
  if (!host || typeof Chart === 'undefined') return;
  const report = JSON.parse(host.dataset.report);
  Chart.defaults.animation = false;
  const palette = ['#7b8794', '#2f80ed', '#f2994a', '#27ae60', '#9b51e0'];
  const series = [{ name: host.dataset.historical, ...report.historical }]
    .concat(report.policies.map(p => ({ name: p.policy, ...p })));
  // Priorities without any conversation in the history would only add empty bars.
  const labels = Object.keys(report.historical.byPriority)
    .filter(l => report.historical.byPriority[l].queued > 0);
  const colour = i => palette[i % palette.length];

  function draw(id, config) {
    const canvas = document.getElementById(id);
    new Chart(canvas, config);
    canvas.dataset.drawn = 'true';
  }

  draw('whatif-chart-service', {
    type: 'bar',
    data: {
      labels: labels.concat([host.dataset.overall]),
      datasets: series.map((s, i) => ({
        label: s.name, backgroundColor: colour(i),
        data: labels.map(l => s.byPriority[l].serviceLevel).concat([s.overall.serviceLevel]).map(v => v * 100)
      }))
    },
    options: { scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } } }
  });

  draw('whatif-chart-waits', {
    type: 'bar',
    data: {
      labels: report.waitBuckets,
      datasets: series.map((s, i) => ({
        label: s.name, backgroundColor: colour(i),
        data: s.overall.waitHistogram.map(n => 100 * n / Math.max(1, s.overall.served))
      }))
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: host.dataset.share } } } }
  });

  draw('whatif-chart-queue', {
    type: 'line',
    data: {
      labels: [...Array(24).keys()].map(h => h + ':00'),
      datasets: series.map((s, i) => ({
        label: s.name, borderColor: colour(i), backgroundColor: colour(i), data: s.queueLengthByHour, tension: .2
      }))
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: host.dataset.waiting } } } }
  });
})();
