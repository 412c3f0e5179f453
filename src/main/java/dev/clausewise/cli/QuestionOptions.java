package dev.clausewise.cli;

import dev.clausewise.query.Query;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The fields of a question as options, shared by decide and compare; words are checked by the normalizer. */
public final class QuestionOptions {
    @Option(names = "--practice", description = "Practice key or alias, e.g. share.sell.")
    String practice;
    @Option(names = "--data", description = "Data category (default: user = any personal information).")
    String data;
    @Option(names = "--recipient", description = "Recipient key or alias, e.g. advertisers.")
    String recipient;
    @Option(names = "--purpose", description = "Purpose key.")
    String purpose;
    @Option(names = "--subject", description = "Data subject key.")
    String subject;
    @Option(names = "--region", description = "ISO 3166 code or group (default: ANY).")
    String region;
    @Option(names = "--destination", description = "Destination region, for transfer.*.")
    String destination;
    @Option(names = "--consent", description = "granted | denied | unknown.")
    String consent;
    @Option(names = "--opted-out", arity = "1", description = "true | false.")
    Boolean optedOut;
    @Option(names = "--identifiability", description = "identified | pseudonymized | aggregated | anonymized.")
    String identifiability;
    @Option(names = "--age", description = "Age of the data subject in years.")
    Integer age;
    @Option(names = "--legal-process", arity = "1", description = "true | false: a subpoena, court order or lawful request is present.")
    Boolean legalProcess;
    @Option(names = "--do-not-track", description = "The browser sends Do Not Track.")
    Boolean doNotTrack;

    /** The options given on the command line, by option name, in declaration order. */
    Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("--practice", practice);
        given.put("--data", data);
        given.put("--recipient", recipient);
        given.put("--purpose", purpose);
        given.put("--subject", subject);
        given.put("--region", region);
        given.put("--destination", destination);
        given.put("--consent", consent);
        given.put("--opted-out", optedOut);
        given.put("--identifiability", identifiability);
        given.put("--age", age);
        given.put("--legal-process", legalProcess);
        given.put("--do-not-track", doNotTrack);
        return given;
    }

    Query query(String policy) {
        return new Query(policy, practice, data, recipient, purpose, subject, region, destination,
                new Query.Context(consent, optedOut, identifiability, age, legalProcess, doNotTrack));
    }
}
