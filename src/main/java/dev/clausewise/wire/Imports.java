package dev.clausewise.wire;

import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.ConditionView;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.explain.Refinement;
import dev.clausewise.explain.RetentionView;
import dev.clausewise.explain.TrailStep;
import dev.clausewise.query.QueryError;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * The pipeline's own records that travel on the wire as they are, serialized by their components: a change to
 * them (the explanation's conditions, say) reaches clients without a copy here to update.
 */
@SerdeImport(QueryError.class)
@SerdeImport(PolicyRef.class)
@SerdeImport(ConditionView.class)
@SerdeImport(TrailStep.class)
@SerdeImport(CiteView.class)
@SerdeImport(Refinement.class)
@SerdeImport(RetentionView.class)
final class Imports {
    private Imports() {
    }
}
