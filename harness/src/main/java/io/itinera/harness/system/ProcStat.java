package io.itinera.harness.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from {@code /proc/<pid>/stat}: user plus system time, in clock ticks. */
public final class ProcStat {

    private ProcStat() {}

    /** @return the process's CPU ticks, or -1 when it is gone */
    public static long cpuTicks(long pid) {
        try {
            return parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** utime and stime are fields 14 and 15; the command name (field 2) may hold spaces and parentheses. */
    static long parseCpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** One-minute load average, or NaN where /proc is missing. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException missing) {
            return Double.NaN;
        }
    }
}
