package dev.qfl.check.query;

/**
 * A named option of a query, such as {@code stock:} of {@code service}. Every query option is a
 * number known before running.
 *
 * @param name     as written in scripts
 * @param required whether the query needs it
 * @param positive whether it must be above zero (a stock may be any number; a cost may not)
 * @param meaning  what it stands for, in a few words; a missing required option's hint says it
 */
public record QueryOption(String name, boolean required, boolean positive, String meaning) {
}
