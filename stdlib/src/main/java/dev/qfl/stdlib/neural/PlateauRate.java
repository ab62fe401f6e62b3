package dev.qfl.stdlib.neural;

import ai.djl.training.tracker.Tracker;

/** A learning rate that stays put until the trainer halves it after a plateau. Owned by one fit. */
final class PlateauRate implements Tracker {
    private float value;

    PlateauRate(float initial) {
        this.value = initial;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return value;
    }

    void halve() {
        value /= 2;
    }

    float value() {
        return value;
    }
}
