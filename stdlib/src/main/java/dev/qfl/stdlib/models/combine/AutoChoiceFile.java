package dev.qfl.stdlib.models.combine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of a fitted {@code auto} model: its candidates and, per series, the weights the backtest
 * chose. Reading trusts nothing (a model file may be damaged or crafted): every count is bounded by
 * the bytes that are left before anything is allocated, names must be the spec's candidates, and
 * weights must be finite, non-negative and sum to one.
 */
final class AutoChoiceFile {
    private static final int VERSION = 1;
    /** Smallest encoding of one series: an empty id (2 bytes) and its weights. */
    private static final int ID_BYTES = 2;

    private AutoChoiceFile() {
    }

    static void write(CandidateWeights weights, OutputStream sink) throws IOException {
        DataOutputStream out = new DataOutputStream(sink);
        out.writeInt(VERSION);
        out.writeInt(weights.candidates().size());
        for (String c : weights.candidates()) {
            out.writeUTF(c);
        }
        writeWeights(out, weights.fallback());
        out.writeInt(weights.weights().size());
        // sorted, so equal choices give equal bytes (a map's order is not stable across runs)
        for (Map.Entry<String, double[]> e : new java.util.TreeMap<>(weights.weights()).entrySet()) {
            out.writeUTF(e.getKey());
            writeWeights(out, e.getValue());
        }
        out.flush();
    }

    /**
     * @param candidates the candidates the model's spec names, in order
     * @param available  how many bytes the stream holds (bounds every count before allocating)
     */
    static CandidateWeights read(List<String> candidates, InputStream source, long available) throws IOException {
        DataInputStream in = new DataInputStream(source);
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("its auto choice has layout " + version + ", this QFL reads layout " + VERSION);
        }
        int n = in.readInt();
        if (n != candidates.size()) {
            throw new IOException("it chose among " + n + " candidates where its options name " + candidates.size());
        }
        for (String expected : candidates) {
            String name = in.readUTF();
            if (!name.equals(expected)) {
                throw new IOException("it names the candidate '" + name + "' where its options name '" + expected + "'");
            }
        }
        double[] fallback = readWeights(in, n);
        int count = in.readInt();
        long perSeries = ID_BYTES + 8L * n;
        if (count < 0 || count > available / perSeries) {
            throw new IOException("it claims " + count + " series, more than its " + available + " bytes can hold");
        }
        Map<String, double[]> weights = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            if (weights.put(id, readWeights(in, n)) != null) {
                throw new IOException("it lists the series '" + id + "' twice");
            }
        }
        if (in.read() != -1) {
            throw new IOException("it has bytes after its last series");
        }
        return new CandidateWeights(List.copyOf(candidates), Map.copyOf(weights), fallback);
    }

    private static void writeWeights(DataOutputStream out, double[] w) throws IOException {
        for (double v : w) {
            out.writeDouble(v);
        }
    }

    private static double[] readWeights(DataInputStream in, int n) throws IOException {
        double[] w = new double[n];
        double total = 0;
        for (int c = 0; c < n; c++) {
            w[c] = in.readDouble();
            if (!(w[c] >= 0 && w[c] <= 1)) {
                throw new IOException("it holds the weight " + w[c] + ", outside [0, 1]");
            }
            total += w[c];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IOException("its weights of one series sum to " + total + ", not 1");
        }
        return w;
    }
}
