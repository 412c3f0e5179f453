package dev.clausewise.analysis;

import dev.clausewise.query.Query;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class of questions that every analysed policy answers alike: on each axis, the values in the class
 * ({@code members}) and the one asked ({@code asked}). {@link QuestionSpace#NOT_GIVEN} stands for a field left out.
 */
public record Cell(Map<Axis, String> asked, Map<Axis, Set<String>> members, List<Object> answerKeys) {
    public Cell {
        asked = Collections.unmodifiableMap(new EnumMap<>(asked));
        members = members.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(members));
        answerKeys = List.copyOf(answerKeys);
    }

    /** The same cell with the context fields {@code fixed} set to one value each, as in {@code point}. */
    public Cell at(Map<Axis, String> point, List<Axis> fixed) {
        Map<Axis, String> a = new EnumMap<>(asked);
        a.putAll(point);
        Map<Axis, Set<String>> m = new EnumMap<>(members);
        fixed.forEach(x -> m.put(x, Set.of(point.get(x))));
        return new Cell(a, m, answerKeys);
    }

    /** The same cell with other values on one axis (the value asked stays). */
    public Cell with(Axis axis, Set<String> values) {
        Map<Axis, Set<String>> m = new EnumMap<>(members);
        m.put(axis, values);
        return new Cell(asked, m, answerKeys);
    }

    /** The representative question, as a caller would ask it. */
    public Query query(String policy) {
        return new Query(policy, given(Axis.PRACTICE), given(Axis.DATA), given(Axis.RECIPIENT), given(Axis.PURPOSE),
                given(Axis.SUBJECT), given(Axis.REGION), given(Axis.DESTINATION),
                new Query.Context(given(Axis.CONSENT), bool(Axis.OPTED_OUT), given(Axis.IDENTIFIABILITY), age(),
                        bool(Axis.LEGAL_PROCESS), bool(Axis.DO_NOT_TRACK)));
    }

    private String given(Axis a) {
        String v = asked.get(a);
        return v == null || v.equals(QuestionSpace.NOT_GIVEN) ? null : v;
    }

    private Boolean bool(Axis a) {
        String v = given(a);
        return v == null ? null : Boolean.valueOf(v);
    }

    /** Age classes are written as ranges ("13-15"); the class is asked with its lowest age. */
    private Integer age() {
        String v = given(Axis.AGE);
        return v == null ? null : Integer.valueOf(v.substring(0, v.indexOf('-')));
    }
}
