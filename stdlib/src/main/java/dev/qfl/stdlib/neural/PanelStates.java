package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every series' smoothing states for one panel, computed once and shared by all the window
 * samplers of a fit (the validated run, each member's) or of a forecast (one per member context).
 * The states depend on the data, the season, the horizon and where training ends, never on a
 * member's context, and choosing a series' form scores about 120 forms at every step and horizon:
 * computed per sampler, a three-member fit spent seconds of its first epochs on it. Series are
 * independent, so they are computed in parallel; each result is the same as computed alone.
 */
final class PanelStates {
    private final SmoothingStates[] states;

    private PanelStates(SmoothingStates[] states) {
        this.states = states;
    }

    /**
     * The states a layout's windows are centred on, or none when its windows are not centred on
     * states (another centre, or a panel with covariates).
     *
     * @param holdOut whether training ends before each long-enough series' last horizon (the
     *                validated run), as in {@link WindowSampler}
     */
    static PanelStates of(Panel panel, WindowLayout layout, boolean holdOut) {
        if (!uses(layout)) {
            return new PanelStates(null);
        }
        List<TimeSeries> series = panel.series();
        int horizon = layout.horizon();
        SmoothingStates[] out = new SmoothingStates[series.size()];
        IntStream.range(0, series.size()).parallel().forEach(s -> {
            TimeSeries ts = series.get(s);
            int end = WindowSampler.trainEnd(ts, horizon, holdOut);
            if (WindowSampler.zeroShare(ts, end) < WindowSampler.INTERMITTENT_ZEROS) {
                out[s] = SmoothingStates.of(ts, end, layout.season(), WindowSampler.seriesSpread(ts, end), horizon);
            }
        });
        return new PanelStates(out);
    }

    /** Whether a layout's windows are centred on states: covariates move a series in ways the states would take. */
    static boolean uses(WindowLayout layout) {
        return layout.centre() == WindowCentre.SMOOTHING && layout.covariates().equals(CovariateSchema.NONE);
    }

    boolean present() {
        return states != null;
    }

    /** Series {@code s}'s states, or null for an intermittent series (centred on its last value). */
    SmoothingStates of(int s) {
        return states[s];
    }

    int size() {
        return states == null ? 0 : states.length;
    }
}
