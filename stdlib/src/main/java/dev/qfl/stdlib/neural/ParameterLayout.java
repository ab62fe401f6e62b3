package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a saved network's parameters must look like, checked before the tensor engine reads them.
 *
 * <p>Why: DJL reads array shapes and byte counts from the stream and allocates what they say, so
 * a model file with a valid checksum but a crafted shape (a count of 2e9) ended in an
 * OutOfMemoryError or a NegativeArraySizeException. The network is fully determined by the spec
 * and the layout, so the bytes it saves are known except for the parameter values: this class
 * saves a freshly built network whose every value is a sentinel, marks where the sentinels lie,
 * and accepts a stream only if it has exactly that length and those bytes everywhere else (block
 * versions, names, shapes, byte counts), with finite values. DJL then allocates exactly what the
 * spec implies.
 */
final class ParameterLayout {
    /** An unusual float, so a run of it marks parameter values and nothing else. */
    private static final int SENTINEL_BITS = 0x5A17C0DE;

    private final byte[] template;
    /** Start and end (exclusive) of each run of parameter values in the template. */
    private final List<int[]> values;
    private final ByteOrder order;

    private ParameterLayout(byte[] template, List<int[]> values, ByteOrder order) {
        this.template = template;
        this.values = values;
        this.order = order;
    }

    /**
     * The layout of {@code network}'s saved parameters. Overwrites the network's values with the
     * sentinel: call it on a network that is about to be loaded, never on a trained one.
     */
    static ParameterLayout of(QuantileNetwork network) throws IOException {
        long count = 0;
        for (Pair<String, Parameter> p : network.getParameters()) {
            NDArray array = p.getValue().getArray();
            // in-place arithmetic, not set(): libtorch prints a deprecation warning on the user's
            // terminal the first time an array is overwritten by a copy. In-place work on a leaf that
            // requires gradients is refused (a network built after training in the same JVM), and
            // this network only ever loads values and answers, so its arrays stop requiring them.
            array.setRequiresGradient(false);
            array.muli(0f).addi(Float.intBitsToFloat(SENTINEL_BITS));   // 0·w + s is s for the finite fresh weights
            count += array.size();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        network.saveParameters(out);
        out.flush();
        byte[] template = bytes.toByteArray();
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            List<int[]> runs = runs(template, order);
            if (runs.stream().mapToLong(r -> (r[1] - r[0]) / 4).sum() == count) {
                return new ParameterLayout(template, runs, order);
            }
        }
        throw new IllegalStateException("the network's saved parameters were not where they were expected");
    }

    /** Maximal runs of the sentinel in {@code bytes}, read in {@code order}. */
    private static List<int[]> runs(byte[] bytes, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i + 4 <= bytes.length) {
            if (buffer.getInt(i) != SENTINEL_BITS) {
                i++;
                continue;
            }
            int start = i;
            while (i + 4 <= bytes.length && buffer.getInt(i) == SENTINEL_BITS) {
                i += 4;
            }
            runs.add(new int[] {start, i});
        }
        return runs;
    }

    /**
     * Reads one network's parameters from {@code in} and returns them, after checking them
     * against the template.
     *
     * @throws IOException with the reason when they end early, differ in layout, or hold a value
     *                     that is not a finite number
     */
    byte[] read(DataInputStream in) throws IOException {
        byte[] bytes = new byte[template.length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException("its network parameters end early (" + template.length + " bytes expected)", e);
        }
        int from = 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        for (int[] run : values) {
            requireSame(bytes, from, run[0]);
            for (int i = run[0]; i < run[1]; i += 4) {
                if (!Float.isFinite(buffer.getFloat(i))) {
                    throw new IOException("its network parameters hold a value that is not a finite number");
                }
            }
            from = run[1];
        }
        requireSame(bytes, from, bytes.length);
        return bytes;
    }

    private void requireSame(byte[] bytes, int from, int to) throws IOException {
        if (!Arrays.equals(bytes, from, to, template, from, to)) {
            throw new IOException("its network parameters do not have the shapes its spec implies");
        }
    }
}
