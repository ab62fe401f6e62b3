package dev.qfl.stdlib.model;

import java.util.List;

/**
 * One option a model accepts, with what the checker needs to validate it before anything is
 * trained.
 *
 * @param name         option name as written in scripts
 * @param type         value type
 * @param required     whether the script must give it
 * @param defaultValue the default (Integer, Double, Boolean, String, Duration or List of Double), or
 *                     null when there is none or it is derived from other options
 * @param defaultNote  how a derived default is computed, e.g. "4 × horizon", or null
 * @param min          smallest allowed value (numbers), or null
 * @param max          largest allowed value (numbers), or null
 * @param choices      allowed words (symbols), empty otherwise
 * @param help         one line for docs and completion
 */
public record OptionSpec(String name, OptionType type, boolean required, Object defaultValue, String defaultNote,
                         Double min, Double max, List<String> choices, String help) {

    public OptionSpec {
        choices = List.copyOf(choices);
    }

    public static OptionSpec integer(String name, Integer dflt, double min, double max, String help) {
        return new OptionSpec(name, OptionType.INTEGER, false, dflt, null, min, max, List.of(), help);
    }

    public static OptionSpec required(String name, OptionType type, double min, double max, String help) {
        return new OptionSpec(name, type, true, null, null, min, max, List.of(), help);
    }

    public static OptionSpec number(String name, Double dflt, double min, double max, String help) {
        return new OptionSpec(name, OptionType.NUMBER, false, dflt, null, min, max, List.of(), help);
    }

    public static OptionSpec symbol(String name, String dflt, List<String> choices, String help) {
        return new OptionSpec(name, OptionType.SYMBOL, false, dflt, null, null, null, choices, help);
    }

    public OptionSpec derivedDefault(String note) {
        return new OptionSpec(name, type, required, null, note, min, max, choices, help);
    }

    /** Default as text for docs: the value, the derivation, or "none". */
    public String defaultText() {
        if (defaultValue != null) {
            return String.valueOf(defaultValue);
        }
        return defaultNote != null ? defaultNote : (required ? "required" : "none");
    }
}
