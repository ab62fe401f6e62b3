package dev.qfl.stdlib.models.ets;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed model code: each component fixed or left to the search ({@code Z}).
 *
 * @param error  'A', 'M' or 'Z'
 * @param trend  'N', 'A' or 'Z'
 * @param damped whether a fixed additive trend is damped ({@code Ad})
 * @param season 'N', 'A', 'M' or 'Z'
 */
record EtsModelCode(char error, char trend, boolean damped, char season) {

    private static final Pattern CODE = Pattern.compile("([AMZ])(N|AD|A|Z)([NAMZ])");

    static EtsModelCode parse(String text) {
        final String code = text.trim().toUpperCase(Locale.ROOT);
        if (code.equals("AUTO")) {
            return new EtsModelCode('Z', 'Z', false, 'Z');
        }
        final Matcher matcher = CODE.matcher(code);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("unknown ets form \"" + text + "\": use \"auto\" or error A|M|Z, trend "
                    + "N|A|Ad|Z and season N|A|M|Z, e.g. \"ANN\", \"AAdN\", \"MAM\"");
        }
        final String trend = matcher.group(2);
        return new EtsModelCode(matcher.group(1).charAt(0), trend.charAt(0), trend.equals("AD"),
                matcher.group(3).charAt(0));
    }

    /** True when some component is left to the search. */
    boolean searches() {
        return error == 'Z' || trend == 'Z' || season == 'Z';
    }

    /** The code as written, with Z for searched components, e.g. {@code ZAdM}. */
    String text() {
        return "" + error + trend + (damped ? "d" : "") + season;
    }
}
