package io.oriole.web.api;

import java.util.List;
import java.util.Map;

import io.oriole.shared.Refusal;

/** A request list, set or map holds a {@code null} item: refused at the edge (422), naming it, for example {@code categories[0]}. */
class NullItemRefused extends Refusal {

    enum Reason {
        NULL_ITEM
    }

    NullItemRefused(String field) {
        super(Kind.INVALID, Reason.NULL_ITEM, field, field + " must not be null");
    }

    /**
     * For a body that is itself a list, which Jackson annotations cannot reach: the first null item, named
     * {@code [i]} like the other fields of such a body.
     *
     * @throws NullItemRefused naming the first null item
     */
    static <T> List<T> refuseNulls(List<T> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new NullItemRefused("[" + i + "]");
            }
        }
        return items;
    }

    /** The same for a body that is a JSON object of values: the first key whose value is null. */
    static <V> Map<String, V> refuseNulls(Map<String, V> values) {
        values.forEach((key, value) -> {
            if (value == null) {
                throw new NullItemRefused(key);
            }
        });
        return values;
    }
}
