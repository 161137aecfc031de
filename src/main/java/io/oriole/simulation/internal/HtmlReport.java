package io.oriole.simulation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;


/**
 * The replay as one self-contained HTML page for supervisors: Chart.js (from its WebJar) and the
 * figures are inlined, so the file opens offline and can be mailed around. Charts: service level
 * and abandonment by priority, the wait distribution of answered calls per priority, and the mean
 * queue length over the day; each shows every policy next to the trace's own history.
 */
final class HtmlReport {

    private static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.7/dist/chart.umd.js";

    private HtmlReport() {
    }

    static String render(SimulateCommand.Report report) {
        String data = Json.write(report.toJson());
        return TEMPLATE.replace("/*CHART_JS*/", chartJs()).replace("/*DATA*/", data)
                .replace("{{title}}", escape("Routing simulation: " + report.trace().file()));
    }

    private static String chartJs() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(CHART_JS)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js is missing from the classpath: " + CHART_JS);
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // No source map offline; and nothing inside may close the script element early.
            return script.replaceAll("//# sourceMappingURL=.*", "").replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{title}}</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2933; max-width: 1200px; }
              h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
              .meta { color: #52606d; font-size: .9rem; }
              .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 1.5rem; }
              .card { border: 1px solid #d9e2ec; border-radius: 6px; padding: 1rem; }
              table { border-collapse: collapse; font-size: .85rem; margin-top: .5rem; }
              th, td { border-bottom: 1px solid #e4e7eb; padding: .25rem .6rem; text-align: right; }
              th:first-child, td:first-child { text-align: left; }
            </style>
            <script>/*CHART_JS*/</script>
            </head>
            <body>
            <h1>{{title}}</h1>
            <p class="meta" id="meta"></p>
            <div class="grid">
              <div class="card"><h2>Service level by priority</h2><canvas id="serviceLevel"></canvas></div>
              <div class="card"><h2>Abandonment by priority</h2><canvas id="abandon"></canvas></div>
              <div class="card"><h2>Mean queue length over the day (UTC hour)</h2><canvas id="queue"></canvas></div>
              <div class="card"><h2>Mean wait of answered calls by priority (s)</h2><canvas id="meanWait"></canvas></div>
            </div>
            <h2>Wait of answered calls, per priority</h2>
            <div class="grid" id="waits"></div>
            <h2>Figures</h2>
            <div id="tables"></div>
            <script>
            const report = /*DATA*/;
            Chart.defaults.animation = false;
            const palette = ['#7b8794', '#2f80ed', '#f2994a', '#27ae60', '#9b51e0', '#eb5757'];
            const series = [{name: 'historical', ...report.historical}].concat(report.policies.map(p => ({name: p.policy, ...p})));
            const labels = Object.keys(report.historical.byPriority);
            const pct = v => (v * 100).toFixed(1) + '%';
            document.getElementById('meta').textContent = report.calls + ' calls that asked for an agent; staffing: '
              + report.staffing + '; seed ' + report.seed + '; targets '
              + Object.entries(report.targets).map(([k, v]) => k + '=' + v + ' s').join(', ');
            function bars(id, key, percent) {
              new Chart(document.getElementById(id), {type: 'bar', data: {
                labels: labels.map(l => 'priority ' + l).concat(['overall']),
                datasets: series.map((s, i) => ({label: s.name, backgroundColor: palette[i % palette.length],
                  data: labels.map(l => s.byPriority[l][key]).concat([s.overall[key]]).map(v => percent ? v * 100 : v)}))},
                options: {scales: {y: {beginAtZero: true, title: {display: true, text: percent ? '%' : 's'}}}}});
            }
            bars('serviceLevel', 'serviceLevel', true);
            bars('abandon', 'abandonRate', true);
            bars('meanWait', 'meanWaitServedSeconds', false);
            new Chart(document.getElementById('queue'), {type: 'line', data: {
              labels: [...Array(24).keys()].map(h => h + ':00'),
              datasets: series.map((s, i) => ({label: s.name, borderColor: palette[i % palette.length],
                backgroundColor: palette[i % palette.length], data: s.queueLengthByHour, tension: .2}))},
              options: {scales: {y: {beginAtZero: true, title: {display: true, text: 'customers waiting'}}}}});
            for (const l of labels) {
              const card = document.createElement('div');
              card.className = 'card';
              card.innerHTML = '<h3>priority ' + l + '</h3><canvas></canvas>';
              document.getElementById('waits').appendChild(card);
              new Chart(card.querySelector('canvas'), {type: 'bar', data: {labels: report.waitBuckets,
                datasets: series.map((s, i) => ({label: s.name, backgroundColor: palette[i % palette.length],
                  data: s.byPriority[l].waitHistogram.map(n => 100 * n / Math.max(1, s.byPriority[l].served))}))},
                options: {scales: {y: {beginAtZero: true, title: {display: true, text: '% of answered calls'}}}}});
            }
            const rows = [];
            for (const s of series) {
              rows.push('<tr><th colspan="8">' + s.name + (s.overall.occupancy != null ? ' (occupancy ' + pct(s.overall.occupancy) + ')' : '') + '</th></tr>');
              for (const [l, f] of Object.entries(s.byPriority).concat([['overall', s.overall]])) {
                rows.push('<tr><td>' + l + '</td><td>' + f.queued + '</td><td>' + f.served + '</td><td>' + pct(f.abandonRate)
                  + '</td><td>' + f.meanWaitServedSeconds.toFixed(1) + '</td><td>' + f.p90WaitServedSeconds.toFixed(0)
                  + '</td><td>' + pct(f.serviceLevel) + '</td></tr>');
              }
            }
            document.getElementById('tables').innerHTML = '<table><tr><th>priority</th><th>queued</th><th>served</th>'
              + '<th>abandoned</th><th>mean wait s</th><th>p90 wait s</th><th>service level</th></tr>' + rows.join('') + '</table>';
            </script>
            </body>
            </html>
            """;
}
