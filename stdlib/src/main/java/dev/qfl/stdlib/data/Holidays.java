package dev.qfl.stdlib.data;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Public holidays of one calendar, from Jollyday (its calendars ship inside the jar, so nothing is
 * fetched): a country ({@code "US"}, {@code "DE"}) or a country and one of its subdivisions
 * ({@code "DE-BY"} is Bavaria, {@code "US-CA"} California), in ISO 3166 style. Only public
 * holidays count: bank holidays and observances do not close shops.
 *
 * @param code    the calendar as written, upper case ({@code DE-BY})
 * @param country Jollyday's country code (lower case)
 * @param region  the subdivision (lower case), or null for the whole country
 */
public record Holidays(String code, String country, String region) {

    /** The calendar {@code code} ({@code "US"}, {@code "de-by"}), or empty when Jollyday has no such calendar. */
    public static Optional<Holidays> of(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        int dash = c.indexOf('-');
        String country = dash < 0 ? c : c.substring(0, dash);
        String region = dash < 0 ? null : c.substring(dash + 1).toLowerCase(Locale.ROOT);
        if (country.isEmpty() || !HolidayManager.getSupportedCalendarCodes().contains(country)) {
            return Optional.empty();
        }
        if (region != null && !manager(country).getCalendarHierarchy().getChildren().containsKey(region)) {
            return Optional.empty();
        }
        return Optional.of(new Holidays(c, country.toLowerCase(Locale.ROOT), region));
    }

    /**
     * The calendars closest to {@code code} (for a did-you-mean): the country's own subdivisions
     * when the country exists, else countries within two edits.
     */
    public static List<String> closeTo(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        int dash = c.indexOf('-');
        String country = dash < 0 ? c : c.substring(0, dash);
        List<String> out = new ArrayList<>();
        if (HolidayManager.getSupportedCalendarCodes().contains(country)) {
            String region = dash < 0 ? "" : c.substring(dash + 1);
            List<String> regions = new ArrayList<>();
            manager(country).getCalendarHierarchy().getChildren().keySet()
                    .forEach(r -> regions.add(r.toUpperCase(Locale.ROOT)));
            String close = CsvLoader.closest(region, regions);
            if (close != null) {
                out.add(country + "-" + close);
            }
            new TreeSet<>(regions).stream().filter(r -> !r.equals(close)).limit(8).forEach(r -> out.add(country + "-" + r));
            return out;
        }
        for (String iso : Locale.getISOCountries()) {   // "USA", "DEU": the three-letter code of a known country
            if (new Locale("", iso).getISO3Country().equals(country)
                    && HolidayManager.getSupportedCalendarCodes().contains(iso)) {
                out.add(iso);
            }
        }
        List<String> countries = new ArrayList<>(new TreeSet<>(HolidayManager.getSupportedCalendarCodes()));
        String close = CsvLoader.closest(country, countries);
        if (close != null && !out.contains(close)) {
            out.add(close);
        }
        return out;
    }

    private static HolidayManager manager(String country) {
        return HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
    }

    /** The public holidays from {@code from} to {@code to}, both included. */
    public Set<LocalDate> between(LocalDate from, LocalDate to) {
        Set<LocalDate> out = new TreeSet<>();
        if (to.isBefore(from)) {
            return out;
        }
        String[] args = region == null ? new String[0] : new String[] {region};
        for (Holiday h : manager(country).getHolidays(from, to, HolidayType.PUBLIC_HOLIDAY, args)) {
            out.add(h.getActualDate());
        }
        return out;
    }

    /**
     * Per step of a series of frequency {@code f} starting at {@code start}, how many public
     * holidays fall in that step (0 or 1 for days and hours, up to a few for weeks and months):
     * the holiday feature of each step.
     */
    public double[] perStep(Frequency f, LocalDateTime start, int steps) {
        double[] out = new double[steps];
        if (steps == 0) {
            return out;
        }
        LocalDate first = start.toLocalDate();
        LocalDate last = f.advance(start, steps).toLocalDate();
        Set<LocalDate> days = between(first, last);
        if (days.isEmpty()) {
            return out;
        }
        for (int i = 0; i < steps; i++) {
            LocalDateTime from = f.advance(start, i);
            LocalDateTime to = f.advance(start, i + 1);
            if (f == Frequency.HOUR) {
                out[i] = days.contains(from.toLocalDate()) ? 1 : 0;
                continue;
            }
            int count = 0;
            for (LocalDate d = from.toLocalDate(); d.isBefore(to.toLocalDate()); d = d.plusDays(1)) {
                count += days.contains(d) ? 1 : 0;
            }
            out[i] = count;
        }
        return out;
    }
}
