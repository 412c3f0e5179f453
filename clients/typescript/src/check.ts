// A client generated from the served OpenAPI document asks the running service a decision, a batch and a bad
// request, and reads the typed fields. Compiling this file is half the proof: a document that typed the bodies as
// strings would not let `data.outcome` or `error.errors` type-check.
import createClient from "openapi-fetch";
import type { components, paths } from "./clausewise.js";

type Outcome = components["schemas"]["Outcome"];

const client = createClient<paths>({ baseUrl: process.env.CLAUSEWISE_URL ?? "http://localhost:8080" });
let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail: unknown): void {
  if (ok) {
    passed++;
    console.log(`PASS  ${name}`);
  } else {
    failed++;
    console.log(`FAIL  ${name}: ${JSON.stringify(detail)}`);
  }
}

const decision = await client.POST("/v1/decisions", {
  body: { policy: "mixpanel", practice: "share.sell", data: "user.contact.email", recipient: "third_party.unnamed", region: "US" },
});
const outcome: Outcome | undefined = decision.data?.outcome;
check("a decision is typed and quotes the clause", outcome === "DENY"
  && decision.data?.trail.some((s) => s.cite?.quote === "Mixpanel does not sell the personal information or personal data we collect.") === true,
  decision.data ?? decision.error);

const batch = await client.POST("/v1/decisions/batch", {
  body: { queries: [{ policy: "mixpanel", practice: "share.sell", explain: "none" }, { policy: "mixpanel", practice: "colect" }] },
});
const [first, second] = batch.data?.answers ?? [];
check("a batch answers in order, a bad question with its own error",
  first !== undefined && "decision" in first && first.decision.outcome === "DENY"
  && second !== undefined && "error" in second && second.error.code === "unknown_practice"
  && second.error.errors[0]?.field === "queries[1].practice", batch.data ?? batch.error);

// An unknown field does not type-check, which is the point of the types; sent anyway, the service names it.
const bad = await client.POST("/v1/decisions", {
  body: { policy: "mixpanel", practice: "share", dta: "user" } as unknown as components["schemas"]["DecisionRequest"],
});
check("a bad request is a typed problem naming the field", bad.response.status === 400
  && bad.response.headers.get("content-type")?.startsWith("application/problem+json") === true
  && bad.error?.code === "unknown_field" && bad.error.errors[0]?.field === "dta"
  && bad.error.errors[0]?.help === "did you mean `data`?", bad.error);

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
