package dev.clausewise.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Regions as one tree: ANY at the root, groups (EUROPE > EEA > EU) below it, ISO 3166-1 countries
 * in their group or directly under ANY, ISO 3166-2 subdivisions under their country.
 */
public final class RegionTree {
    public static final String ANY = "ANY";
    /** The only shape a region code may have once normalized; safe to write into DRL. */
    public static final Pattern CODE = Pattern.compile("[A-Z]{2,8}|[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Map<String, String> parent;
    private final Map<String, String> aliases;
    private final Map<String, String> names;

    public RegionTree(Map<String, String> parent, Map<String, String> aliases, Map<String, String> names) {
        Map<String, String> all = new HashMap<>(parent);
        for (String c : COUNTRIES) {
            all.putIfAbsent(c, ANY);
        }
        this.parent = Map.copyOf(all);
        this.aliases = Map.copyOf(aliases);
        this.names = Map.copyOf(names);
    }

    /** The canonical code for what a user wrote (case-insensitive, aliases like UK), or empty if unknown. */
    public Optional<String> normalize(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String code = written.trim().toUpperCase(Locale.ROOT);
        code = aliases.getOrDefault(code, code);
        if (code.equals(ANY) || parent.containsKey(code)) {
            return Optional.of(code);
        }
        int dash = code.indexOf('-');
        if (dash == 2 && COUNTRIES.contains(code.substring(0, 2)) && CODE.matcher(code).matches()) {
            return Optional.of(code);
        }
        return Optional.empty();
    }

    public String parentOf(String code) {
        String p = parent.get(code);
        if (p != null) {
            return p;
        }
        return code.indexOf('-') == 2 ? code.substring(0, 2) : (code.equals(ANY) ? null : ANY);
    }

    /** The code and everything that contains it, nearest first, ending at ANY. */
    public List<String> ancestorsOrSelf(String code) {
        List<String> out = new ArrayList<>();
        for (String c = code; c != null; c = parentOf(c)) {
            out.add(c);
        }
        return out;
    }

    public boolean isAncestorOrSelf(String ancestor, String code) {
        for (String c = code; c != null; c = parentOf(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Distance from ANY: ANY 0, EUROPE 1, EEA 2, EU 3, FR 4. */
    public int depth(String code) {
        return ancestorsOrSelf(code).size() - 1;
    }

    public Set<String> groupsAndCountries() {
        return parent.keySet();
    }

    public Map<String, String> names() {
        return names;
    }
}
