package dev.worldmind.core.provenance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An algorithm's settings for its provenance, read off the record that holds them: the record's
 * components are the settings, so the list of names is written once, in the record's header, and
 * cannot drift from a hand-copied map. Stateless and thread-safe.
 */
public final class Settings {
    private Settings() {}

    /**
     * The components of a record by name, in declaration order, with their values as the accessors
     * return them (primitives boxed).
     *
     * @param settings the record
     * @return a new mutable, ordered map
     */
    public static Map<String, Object> of(Record settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : settings.getClass().getRecordComponents()) {
            Method accessor = c.getAccessor();
            // a record nested out of this module's sight (a test's private one) is still readable
            accessor.trySetAccessible();
            try {
                m.put(c.getName(), accessor.invoke(settings));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c + " of " + settings, e);
            }
        }
        return m;
    }
}
