package io.omskit.core.common;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Argument checks for value-type constructors; messages name the argument, the value and the rule.
 */
public final class Checks {

    /** How many characters of a bad value {@link #quote} shows. */
    public static final int QUOTED_LENGTH = 40;
    /** The earliest moment a request may name: the start of year 1, UTC. */
    public static final Instant EARLIEST_MOMENT = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest moment a request may name: the end of year 9999, UTC. */
    public static final Instant LATEST_MOMENT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private Checks() {
    }

    /** Returns {@code value} if it is not null. @throws NullPointerException naming {@code name} */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /**
     * An unmodifiable copy of {@code values}, which must hold no null.
     *
     * @throws NullPointerException naming {@code name} when the list is null, or naming the first null element by its
     *                              index, such as {@code lines[2] must not be null}
     */
    public static <T> List<T> list(List<T> values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new NullPointerException(name + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    /**
     * An unmodifiable set of {@code values}, which must hold no null (duplicates are dropped).
     *
     * @throws NullPointerException naming {@code name} when the collection is null or holds a null
     */
    public static <T> Set<T> set(Collection<T> values, String name) {
        notNull(values, name);
        // asked element by element: some sets refuse contains(null)
        for (T value : values) {
            if (value == null) {
                throw new NullPointerException(name + " must not contain null");
            }
        }
        return Set.copyOf(values);
    }

    /** Returns {@code value} if it holds non-whitespace text. */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was " + quote(value));
        }
        return value;
    }

    /** Returns {@code value} if it is at least zero. */
    public static int notNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is at least one. */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    /**
     * Returns {@code value} if it is single-line text of at most {@code maxLength} characters: no ISO control
     * character at all, not even a tab, carriage return or line feed. Null passes (say whether the field is required
     * with {@link #notNull}).
     *
     * @throws IllegalArgumentException naming {@code name}, the rule broken and the value, abbreviated
     */
    public static String text(String value, String name, int maxLength) {
        return checkedText(value, name, maxLength, false);
    }

    /**
     * Returns {@code value} if it is text of at most {@code maxLength} characters whose only ISO control character is
     * the line feed: a note of several lines. A carriage return is refused too (line ends are written as LF alone).
     * Null passes.
     *
     * @throws IllegalArgumentException naming {@code name}, the rule broken and the value, abbreviated
     */
    public static String multiLineText(String value, String name, int maxLength) {
        return checkedText(value, name, maxLength, true);
    }

    private static String checkedText(String value, String name, int maxLength, boolean multiLine) {
        String broken = textProblem(value, maxLength, multiLine);
        if (broken != null) {
            throw new IllegalArgumentException(name + " " + broken + ", was " + quote(value));
        }
        return value;
    }

    /**
     * The rule {@code value} breaks as text of at most {@code maxLength} characters without ISO control characters
     * (but line feeds when {@code multiLine}), in words, such as {@code "must be at most 200 characters long, has
     * 5000"}; null when it breaks none or is null. For validators that collect every problem of a request.
     */
    public static String textProblem(String value, int maxLength, boolean multiLine) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return "must be at most " + maxLength + " characters long, has " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && c == '\n')) {
                return "must not contain control characters" + (multiLine ? " other than line feeds" : "")
                        + ", has " + String.format("U+%04X", (int) c) + " at index " + i;
            }
        }
        return null;
    }

    /**
     * {@code value} as an exception message or a {@link Problem} quotes it: in single quotes, control characters
     * escaped (so that a value cannot forge log lines), and cut after {@value #QUOTED_LENGTH} characters with its
     * length added; {@code null} unquoted.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        int shown = Math.min(value.length(), QUOTED_LENGTH);
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder out = new StringBuilder(shown + 24).append('\'');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (shown < value.length()) {
            out.append("...' (").append(value.length()).append(" characters)");
        } else {
            out.append('\'');
        }
        return out.toString();
    }

    /** Returns {@code value} if it is at most {@code max} characters long. */
    public static String maxLength(String value, int max, String name) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters long, has " + value.length()
                    + ", was " + quote(value));
        }
        return value;
    }

    /**
     * Returns {@code value} if it is null or from {@link #EARLIEST_MOMENT} to {@link #LATEST_MOMENT}: years of four
     * digits, so that adding days, months or years to it stays within {@code java.time}'s range and no conversion to
     * epoch milliseconds overflows.
     *
     * @throws IllegalArgumentException naming {@code name}, the range and the value
     */
    public static Instant moment(Instant value, String name) {
        if (value != null && (value.isBefore(EARLIEST_MOMENT) || value.isAfter(LATEST_MOMENT))) {
            throw new IllegalArgumentException(name + " must be from " + EARLIEST_MOMENT + " to " + LATEST_MOMENT
                    + ", was " + value);
        }
        return value;
    }

    /** Whether {@code value} is an ISO 3166-1 alpha-2 country code, such as {@code DE}, that Java knows. */
    public static boolean isCountryCode(String value) {
        return value != null && ISO_COUNTRIES.contains(value);
    }

    /**
     * Returns {@code value} if it is null or an ISO 3166-1 alpha-2 country code ({@link Locale#getISOCountries()}).
     *
     * @throws IllegalArgumentException naming {@code name} and the value
     */
    public static String countryCode(String value, String name) {
        if (value != null && !isCountryCode(value)) {
            throw new IllegalArgumentException(name + " must be an ISO 3166-1 alpha-2 code such as DE, was " + quote(value));
        }
        return value;
    }

    /** Returns {@code value} if it is a valid identifier: 1 to 100 characters, not blank, no control characters. */
    public static String identifier(String value, String name) {
        notBlank(value, name);
        return text(value, name, 100);
    }
}
