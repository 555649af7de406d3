package io.omskit.core.common;

/**
 * Argument checks for value-type constructors; messages name the argument, the value and the rule.
 */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value} if it is not null. @throws NullPointerException naming {@code name} */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Returns {@code value} if it holds non-whitespace text. */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
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

    /** Returns {@code value} if it is at most {@code max} characters long. */
    public static String maxLength(String value, int max, String name) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }

    /** Returns {@code value} if it is a valid identifier: 1 to 100 characters, not blank, no control characters. */
    public static String identifier(String value, String name) {
        notBlank(value, name);
        maxLength(value, 100, name);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(name + " must not contain control characters, found one at index " + i);
            }
        }
        return value;
    }
}
