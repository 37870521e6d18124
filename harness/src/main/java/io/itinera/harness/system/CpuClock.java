package io.itinera.harness.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** Samples the CPU time of a set of processes; two samples give the CPU seconds each spent in between. */
public final class CpuClock {

    private final Map<String, Long> pids;
    private final double ticksPerSecond;

    public CpuClock(Map<String, Long> pids, double ticksPerSecond) {
        this.pids = Map.copyOf(pids);
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Sample of every process's CPU ticks (-1 for one that is gone). */
    public Map<String, Long> sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ProcStat.cpuTicks(pid)));
        return ticks;
    }

    /** CPU seconds per process between two samples; NaN for a process that died or was replaced in between. */
    public Map<String, Double> secondsBetween(Map<String, Long> from, Map<String, Long> to) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        from.forEach((name, start) -> {
            long end = to.getOrDefault(name, -1L);
            seconds.put(name, start < 0 || end < start ? Double.NaN : (end - start) / ticksPerSecond);
        });
        return seconds;
    }

    /** {@code getconf CLK_TCK}, 100 on Linux unless configured otherwise. */
    public static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (Exception unavailable) {
            return 100;
        }
    }
}
