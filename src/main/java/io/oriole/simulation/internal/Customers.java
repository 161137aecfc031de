package io.oriole.simulation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What each customer brings to the replay, drawn once per seed so every policy meets the very same
 * customers: how long they are willing to wait and how long serving them takes.
 *
 * <ul>
 * <li>Patience. A customer who hung up after {@code t} seconds had patience {@code t}. A customer
 * who was answered after {@code t} seconds had patience above {@code t}: it is drawn from the
 * Kaplan–Meier curve of their priority given that it exceeds {@code t}.</li>
 * <li>Service time. A served call keeps its recorded handling time. A call that was abandoned (so
 * never handled) gets the handling time of a served call of the same skill, drawn uniformly.</li>
 * </ul>
 */
public record Customers(double[] patience, long[] service, Map<String, KaplanMeier> patienceByPriority) {

    public static Customers draw(Trace trace, long seed) {
        List<TraceCall> calls = trace.calls();
        Map<String, KaplanMeier> curves = new LinkedHashMap<>();
        for (String label : trace.labels()) {
            List<TraceCall> mine = calls.stream().filter(c -> c.priority().equals(label)).toList();
            double[] waits = new double[mine.size()];
            boolean[] observed = new boolean[mine.size()];
            for (int i = 0; i < mine.size(); i++) {
                waits[i] = mine.get(i).waited();
                observed[i] = !mine.get(i).served();
            }
            curves.put(label, KaplanMeier.fit(waits, observed));
        }
        Map<String, List<Long>> servedBySkill = new HashMap<>();
        List<Long> allServed = new ArrayList<>();
        for (TraceCall call : calls) {
            if (call.served()) {
                servedBySkill.computeIfAbsent(call.skill(), k -> new ArrayList<>()).add(call.service());
                allServed.add(call.service());
            }
        }
        Random random = new Random(seed);
        double[] patience = new double[calls.size()];
        long[] service = new long[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            TraceCall call = calls.get(i);
            double u = random.nextDouble();
            int pick = random.nextInt(Integer.MAX_VALUE);
            if (call.served()) {
                patience[i] = curves.get(call.priority()).sample(call.waited(), u);
                service[i] = call.service();
            } else {
                patience[i] = call.waited();
                List<Long> pool = servedBySkill.getOrDefault(call.skill(), allServed);
                service[i] = pool.isEmpty() ? 0 : pool.get(pick % pool.size());
            }
        }
        return new Customers(patience, service, curves);
    }
}
