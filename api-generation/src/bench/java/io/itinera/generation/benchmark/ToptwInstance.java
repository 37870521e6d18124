package io.itinera.generation.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A TOPTW benchmark instance in the KU Leuven format: six header tokens, then one line per vertex {@code i x y d S f a
 * L_1..L_a O C} with vertex 0 the depot. Coordinates are kept exactly, in thousandths, so that distances can be
 * truncated without floating-point doubt.
 *
 * @param decimals distances are truncated to this many decimals: 2 for the Cordeau-based sets, 1 otherwise
 */
public record ToptwInstance(
        String name, int decimals, long[] x, long[] y, int[] service, int[] score, int[] open, int[] close) {

    /** Number of vertices other than the depot. */
    public int places() {
        return x.length - 1;
    }

    public static ToptwInstance read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        List<String[]> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.replace("\r", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            if (header.size() < 6) {
                for (String token : tokens) {
                    header.add(token);
                }
                continue;
            }
            lines.add(tokens);
        }
        if (header.size() != 6) {
            throw new IOException(fileName + ": the header must have 6 tokens, found " + header.size());
        }
        int n = Integer.parseInt(header.get(2));
        if (lines.size() < n + 1) {
            throw new IOException(fileName + ": expected " + (n + 1) + " vertex lines, found " + lines.size());
        }
        long[] x = new long[n + 1];
        long[] y = new long[n + 1];
        int[] service = new int[n + 1];
        int[] score = new int[n + 1];
        int[] open = new int[n + 1];
        int[] close = new int[n + 1];
        boolean threeDecimals = false;
        for (int i = 0; i <= n; i++) {
            String[] t = lines.get(i);
            if (Integer.parseInt(t[0]) != i) {
                throw new IOException(fileName + ": vertex line " + i + " has id " + t[0]);
            }
            x[i] = thousandths(t[1]);
            y[i] = thousandths(t[2]);
            threeDecimals |= decimalsOf(t[1]) >= 3 || decimalsOf(t[2]) >= 3;
            service[i] = whole(t[3]);
            score[i] = whole(t[4]);
            open[i] = whole(t[t.length - 2]);
            close[i] = whole(t[t.length - 1]);
        }
        boolean cordeau = name.toLowerCase(Locale.ROOT).startsWith("pr") || threeDecimals;
        return new ToptwInstance(name, cordeau ? 2 : 1, x, y, service, score, open, close);
    }

    private static long thousandths(String token) {
        return new BigDecimal(token).movePointRight(3).longValueExact();
    }

    private static int decimalsOf(String token) {
        int dot = token.indexOf('.');
        return dot < 0 ? 0 : token.length() - dot - 1;
    }

    private static int whole(String token) {
        return new BigDecimal(token).intValueExact();
    }
}
