package org.sijil.ops.verifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} and {@code --flag}, after the command
 * word. Strict: an option the command does not know, a missing value or a repeated option is a
 * usage error, so a mistyped option never silently changes what is checked.
 */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    private Args() {
    }

    /**
     * @param words   the words after the command
     * @param valued  names (without {@code --}) of options that take a value
     * @param flags   names of options that take none
     * @throws UsageException if a word is not a known option or a value is missing
     */
    static Args parse(List<String> words, Set<String> valued, Set<String> flags) throws UsageException {
        Args args = new Args();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                throw new UsageException("unexpected argument '" + word + "'");
            }
            String name = word.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
                if (!valued.contains(name)) {
                    throw new UsageException("option --" + name + " takes no value");
                }
            } else if (valued.contains(name)) {
                if (i + 1 >= words.size()) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = words.get(++i);
            } else if (flags.contains(name)) {
                value = "true";
            } else {
                throw new UsageException("unknown option --" + name);
            }
            if (args.values.putIfAbsent(name, value) != null) {
                throw new UsageException("option --" + name + " given twice");
            }
        }
        return args;
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String require(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    long longValue(String name, long defaultValue, long min) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min) {
                throw new UsageException("option --" + name + " must be at least " + min);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a whole number, got '" + text + "'");
        }
    }

    static List<String> tail(String[] argv) {
        List<String> words = new ArrayList<>(List.of(argv));
        words.remove(0);
        return words;
    }

    /** The command line is wrong; the message says how. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
