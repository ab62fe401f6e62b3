package dev.qfl.stdlib.neural;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Checks a list of float arrays in DJL's encoding ({@code NDList.encode()}) before DJL decodes it.
 * DJL allocates the list, each shape and each array from counts it reads; from a crafted file
 * those counts are anything. Every count here is checked against what can be there: the list
 * length, the dimensions of a shape, and an array's byte count against its shape and the bytes
 * that are left; values must be finite. Mirrors DJL 0.36's format (arrays encoded with versions 1
 * to 3); anything else is refused.
 */
final class EncodedArrays {
    /** More dimensions than any parameter has. */
    private static final int MAX_DIMENSIONS = 8;

    private EncodedArrays() {
    }

    /** @throws IOException with the reason when {@code bytes} is not a well-formed list of finite float arrays */
    static void check(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            int count = in.readInt();
            // each array takes well over 16 bytes, so a count beyond that is a lie
            if (count < 0 || count > bytes.length / 16) {
                throw new IOException("its head's parameters claim " + count + " arrays");
            }
            for (int i = 0; i < count; i++) {
                array(in);
            }
            if (in.available() > 0) {
                throw new IOException("its head's parameters have " + in.available() + " bytes too many");
            }
        } catch (EOFException e) {
            throw new IOException("its head's parameters end early", e);
        }
    }

    private static void array(DataInputStream in) throws IOException {
        if (!"NDAR".equals(in.readUTF())) {
            throw new IOException("its head's parameters are not arrays");
        }
        int version = in.readInt();
        if (version < 1 || version > 3) {
            throw new IOException("its head's parameters use array encoding " + version);
        }
        if (version > 1 && in.readByte() == 1) {
            in.readUTF();   // the array's name
        }
        in.readUTF();   // sparse format
        if (!"FLOAT32".equals(in.readUTF())) {
            throw new IOException("its head's parameters are not float arrays");
        }
        int dimensions = in.readInt();
        if (dimensions < 0 || dimensions > MAX_DIMENSIONS) {
            throw new IOException("its head's parameters have an array of " + dimensions + " dimensions");
        }
        long size = 1;
        for (int d = 0; d < dimensions; d++) {
            long n = in.readLong();
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new IOException("its head's parameters have an array dimension of " + n);
            }
            size = Math.multiplyExact(size, n);
            if (size > Integer.MAX_VALUE / 4) {
                throw new IOException("its head's parameters have an array of " + size + " values");
            }
        }
        int layout = in.readInt();
        if (layout < 0 || layout > MAX_DIMENSIONS) {
            throw new IOException("its head's parameters have a layout of " + layout + " letters");
        }
        for (int c = 0; c < layout; c++) {
            in.readChar();
        }
        ByteOrder order = ByteOrder.nativeOrder();
        if (version > 2) {
            order = in.readByte() == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }
        int length = in.readInt();
        if (length != size * 4 || length > in.available()) {
            throw new IOException("its head's parameters have an array of " + size + " values stored in " + length
                    + " bytes");
        }
        byte[] data = new byte[length];
        in.readFully(data);
        ByteBuffer values = ByteBuffer.wrap(data).order(order);
        for (int i = 0; i < length; i += 4) {
            if (!Float.isFinite(values.getFloat(i))) {
                throw new IOException("its head's parameters hold a value that is not a finite number");
            }
        }
    }
}
