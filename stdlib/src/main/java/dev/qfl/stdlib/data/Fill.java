package dev.qfl.stdlib.data;

/** How gaps in a series are filled; filled points are marked unobserved so models can ignore them. */
public sealed interface Fill permits Fill.Constant, Fill.Previous {

    /** Every missing point gets this value ({@code fill: 0}). */
    record Constant(double value) implements Fill {
    }

    /** Every missing point repeats the last observed value ({@code fill: previous}). */
    record Previous() implements Fill {
    }
}
