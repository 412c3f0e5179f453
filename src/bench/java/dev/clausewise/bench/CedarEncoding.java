package dev.clausewise.bench;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import dev.clausewise.bench.PeerLines.Line;
import dev.clausewise.policy.Policy;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Settings;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A policy's statements written as a Cedar policy set, as a Cedar user would: the practice is the action, the
 * data the resource, the subject the principal, each with its key ancestry as Cedar's entity hierarchy
 * ({@code in}); recipient, purpose, region and destination are entities in the context; the context's facts
 * (consent, opt-out, legal process, Do Not Track, identifiability level, the child subjects an age implies)
 * are context attributes. Every statement becomes one policy per combination of its keys. Cedar has no
 * priorities (a forbid always wins), so specificity and explicit overrides are compiled into the removed
 * policy's {@code unless}: a deny does not fire when an allow that removes it applies and stands, an allow does
 * not fire when another allow that removes it applies. A condition the context leaves open counts as holding.
 */
public final class CedarEncoding {
    /** "not limited": an entity no key has as ancestor, so only a policy that omits the dimension matches it. */
    static final String NONE = "~";
    private static final String[] TYPE = {"Action", "Data", "Recipient", "Purpose", "Subject", "Region", "Region"};
    private static final String[] CONTEXT = {null, null, "recipient", "purpose", null, "region", "destination"};

    private final PeerLines lines;
    private final Vocabulary vocabulary;
    private final String text;
    private final int policies;
    private final Map<String, Entity> entities = new HashMap<>();

    private CedarEncoding(Policy policy, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.lines = new PeerLines(policy, vocabulary);
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (Line l : lines.lines()) {
            StringJoiner guards = new StringJoiner(" ||\n    ");
            for (Line other : lines.lines()) {
                if (!other.isDeny() && lines.removes(other, l)) {
                    guards.add("(" + match(other) + (l.isDeny() ? and(stands(other)) : "") + ")");
                }
            }
            out.append("@id(\"").append(l.statement().id()).append('#').append(++n).append("\")\n")
                    .append(l.isDeny() ? "forbid" : "permit").append(" (principal, action, resource)\n")
                    .append("when { ").append(match(l)).append(l.isDeny() ? "" : and(stands(l))).append(" }");
            if (guards.length() > 0) {
                out.append("\nunless {\n    ").append(guards).append("\n}");
            }
            out.append(";\n\n");
        }
        this.text = out.toString();
        this.policies = n;
    }

    public static CedarEncoding of(Policy policy, Vocabulary vocabulary) {
        return new CedarEncoding(policy, vocabulary);
    }

    public int policyCount() {
        return policies;
    }

    /** Writes policy.cedar under {@code dir}, parses it as any Cedar user does and caches it in the native engine. */
    public Peer peer(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("policy.cedar");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            PolicySet set = PolicySet.parsePolicies(file);
            if (set.getNumPolicies() != policies) {
                throw new IllegalStateException("Cedar parsed " + set.getNumPolicies() + " of the " + policies + " policies in " + file);
            }
            set.cache();
            return new Peer(set, new BasicAuthorizationEngine());
        } catch (InternalException | CacheException e) {
            throw new IllegalStateException("Cedar does not take " + file + ": " + e.getMessage(), e);
        }
    }

    /** A question as Cedar's principal, action, resource and context, with the slice of entities it names. */
    public record Request(AuthorizationRequest request, Set<Entity> entities) {
    }

    /** The parsed, cached policy set and the engine that evaluates it. */
    public record Peer(PolicySet policies, BasicAuthorizationEngine engine) {
        public boolean allows(Request r) {
            try {
                AuthorizationResponse a = engine.isAuthorized(r.request(), policies, r.entities());
                if (a.success.isEmpty() || !a.success.get().getErrors().isEmpty()) {
                    throw new IllegalStateException("Cedar failed on " + r.request() + ": " + a);
                }
                return a.success.get().isAllowed();
            } catch (AuthException e) {
                throw new IllegalStateException("Cedar failed on " + r.request() + ": " + e.getMessage(), e);
            }
        }
    }

    public Request request(NormalizedQuery q) {
        Set<Entity> slice = new HashSet<>();
        EntityUID[] uids = new EntityUID[TYPE.length];
        for (int d = 0; d < TYPE.length; d++) {
            String key = q.value(Dimension.MATCHED.get(d));
            uids[d] = add(d, key == null ? NONE : key, slice);
        }
        Settings s = q.settings();
        Map<String, Value> context = new HashMap<>();
        for (int d = 0; d < CONTEXT.length; d++) {
            if (CONTEXT[d] != null) {
                context.put(CONTEXT[d], uids[d]);
            }
        }
        context.put("consent", new PrimString(s.consent().name().toLowerCase()));
        context.put("optedOut", new PrimString(s.optedOut() == null ? "unknown" : s.optedOut().toString()));
        context.put("legalProcess", new PrimString(s.legalProcess() == null ? "unknown" : s.legalProcess().toString()));
        context.put("doNotTrack", new PrimBool(s.doNotTrack()));
        context.put("identifiabilityLevel", new PrimLong(s.identifiability().level()));
        context.put("hasAge", new PrimBool(s.age() != null));
        context.put("ageSubjects", new CedarList(q.ageSubjects().stream().sorted().<Value>map(PrimString::new).toList()));
        return new Request(new AuthorizationRequest(uids[4], uids[0], uids[1], context), Set.copyOf(slice));
    }

    /** The entity of a key and of each of its ancestors, added to {@code slice}; returns the key's own id. */
    private EntityUID add(int d, String key, Set<Entity> slice) {
        EntityUID own = null;
        for (String k = key; k != null; k = parent(d, k)) {
            String id = TYPE[d] + "/" + k;
            Entity e = entities.get(id);
            if (e == null) {
                String p = parent(d, k);
                e = new Entity(uid(d, k), p == null ? Set.of() : Set.of(uid(d, p)));
                entities.put(id, e);
            }
            slice.add(e);
            own = own == null ? e.getEUID() : own;
        }
        return own;
    }

    private String parent(int d, String key) {
        if (key.equals(NONE)) {
            return null;
        }
        if (Dimension.MATCHED.get(d).isRegional()) {
            return vocabulary.regions().parentOf(key);
        }
        int dot = key.lastIndexOf('.');
        return dot < 0 ? null : key.substring(0, dot);
    }

    private static EntityUID uid(int d, String key) {
        return EntityTypeName.parse(TYPE[d]).orElseThrow().of(key);
    }

    private static String ref(int d, String key) {
        return TYPE[d] + "::\"" + key + "\"";
    }

    /** Whether the line applies: every key it names is the question's or an ancestor, and the data is in scope. */
    private String match(Line l) {
        StringJoiner all = new StringJoiner(" && ");
        for (int d = 0; d < l.keys().length; d++) {
            String key = l.keys()[d];
            if (key.equals(PeerLines.ANY_KEY)) {
                continue;
            }
            String value = switch (d) {
                case 0 -> "action";
                case 1 -> "resource";
                case 4 -> "principal";
                default -> "context." + CONTEXT[d];
            };
            String in = value + " in " + ref(d, key);
            if (d == 4 && KeyTree.isAncestorOrSelf("child", key)) {
                // A known age decides a child subject whatever the subject asked about.
                in = "(if context.hasAge then context.ageSubjects.contains(\"" + key + "\") else " + in + ")";
            }
            all.add(in);
            if (d == 0 && !l.isDeny()) {
                for (String act : lines.distinctBelow(key)) {
                    all.add("!(action in " + ref(0, act) + ")");
                }
            }
        }
        if (l.scopeLevel() > 0) {
            all.add("context.identifiabilityLevel >= " + l.scopeLevel());
        }
        return all.length() == 0 ? "true" : all.toString();
    }

    private static String and(String test) {
        return test.equals("true") ? "" : " && " + test;
    }

    /** An allow stands unless the context defeats one of its conditions, or every alternative of its any_of. */
    private String stands(Line l) {
        List<String> defeated = new ArrayList<>();
        for (String c : l.required()) {
            defeated(c).ifPresent(defeated::add);
        }
        List<String> alternatives = new ArrayList<>();
        for (String c : l.statement().anyOf()) {
            java.util.Optional<String> d = defeated(c);
            if (d.isEmpty()) {
                alternatives.clear();
                break;
            }
            alternatives.add(d.get());
        }
        if (!alternatives.isEmpty()) {
            defeated.add("(" + String.join(" && ", alternatives) + ")");
        }
        return defeated.isEmpty() ? "true" : "!(" + String.join(" || ", defeated) + ")";
    }

    private static java.util.Optional<String> defeated(String condition) {
        return java.util.Optional.ofNullable(switch (PeerLines.kind(condition)) {
            case CONSENT -> "context.consent == \"denied\"";
            case OPT_OUT -> "context.optedOut == \"true\"";
            case DO_NOT_TRACK -> "(context.optedOut == \"true\" || context.doNotTrack)";
            case LEGAL_PROCESS -> "context.legalProcess == \"false\"";
            case OPEN -> null;
        });
    }
}
