// Validates what render.mjs makes against the Kubernetes API schemas (kubernetes-models) and checks what the schemas
// cannot: the ConfigMap holds every file of the policies folder and the volume puts each back at its path, the
// ConfigMap fits, the probes and writable paths are the ones the service needs. Exits non-zero on any failure.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigMap, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { render } from "./render.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const policiesDir = process.argv[2] ?? join(here, "../policies-yaml");
const models = { "v1/ConfigMap": ConfigMap, "v1/Service": Service, "apps/v1/Deployment": Deployment };
let passed = 0;
let failed = 0;

function check(what, fn) {
  try {
    const problem = fn();
    if (problem) throw new Error(problem);
    passed++;
    console.log(`ok   ${what}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${what}: ${e.message}`);
  }
}

function countFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : e.isFile() ? 1 : 0), 0);
}

const objects = render(policiesDir);
for (const o of objects) {
  check(`${o.kind} ${o.metadata.name} matches the Kubernetes schema`, () => {
    const Model = models[`${o.apiVersion}/${o.kind}`];
    if (!Model) return `no schema for ${o.apiVersion} ${o.kind}`;
    new Model(o).validate();
  });
}

const configMap = objects.find((o) => o.kind === "ConfigMap");
const deployment = objects.find((o) => o.kind === "Deployment");
const service = objects.find((o) => o.kind === "Service");
const pod = deployment.spec.template.spec;
const container = pod.containers[0];
const env = Object.fromEntries((container.env ?? []).filter((e) => "value" in e).map((e) => [e.name, e.value]));
const mounts = Object.fromEntries(container.volumeMounts.map((m) => [m.mountPath, m]));
const volume = (name) => pod.volumes.find((v) => v.name === name);

check("the ConfigMap holds every file of the policies folder", () => {
  const n = Object.keys(configMap.data).length;
  const expected = countFiles(policiesDir);
  return n === expected ? null : `${n} keys for ${expected} files`;
});
check("the policies volume puts every key back at its path, once", () => {
  const items = volume("policies").configMap.items;
  const keys = new Set(items.map((i) => i.key));
  const paths = new Set(items.map((i) => i.path));
  if (keys.size !== items.length || paths.size !== items.length) return "a key or a path is listed twice";
  const missing = Object.keys(configMap.data).filter((k) => !keys.has(k));
  if (missing.length > 0) return `not mounted: ${missing.join(", ")}`;
  return items.every((i) => i.key === i.path.replaceAll("/", ".")) ? null : "a key does not name its path";
});
check("vocabulary.yaml and each policy.yaml are mounted where the service reads them", () =>
  volume("policies").configMap.items.some((i) => i.path === "vocabulary.yaml") && volume("policies").configMap.items.some((i) => /^[a-z0-9_-]+\/policy\.yaml$/.test(i.path))
    ? null : "vocabulary.yaml or <id>/policy.yaml missing");
check("the ConfigMap fits in 1 MiB", () => {
  const bytes = Object.entries(configMap.data).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  return bytes < 1024 * 1024 - 16 * 1024 ? null : `${bytes} bytes`;
});
check("probes: startup and liveness on /health/liveness, readiness on /health/readiness", () =>
  container.startupProbe?.httpGet?.path === "/health/liveness" && container.livenessProbe?.httpGet?.path === "/health/liveness"
    && container.readinessProbe?.httpGet?.path === "/health/readiness" ? null : "a probe is missing or on the wrong endpoint");
check("the startup probe allows the cold start (at least 60 s)", () => {
  const p = container.startupProbe;
  return (p.periodSeconds ?? 10) * (p.failureThreshold ?? 3) >= 60 ? null : "less than 60 s";
});
check("securityContext: non-root, read-only root filesystem, no privilege escalation, ALL capabilities dropped", () => {
  const s = container.securityContext ?? {};
  const nonRoot = s.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
  return nonRoot === true && s.readOnlyRootFilesystem === true && s.allowPrivilegeEscalation === false
    && (s.capabilities?.drop ?? []).includes("ALL") ? null : JSON.stringify(s);
});
check("memory request and limit set, the heap bounded below the limit", () => {
  const r = container.resources ?? {};
  if (!r.requests?.memory || !r.limits?.memory) return "no memory request or limit";
  return /-Xmx|MaxRAMPercentage/.test(env.JAVA_TOOL_OPTIONS ?? "") ? null : "JAVA_TOOL_OPTIONS bounds no heap";
});
check("every path the service writes is a mounted volume (decision log, rule cache, /tmp)", () => {
  const writable = [env.CLAUSEWISE_DECISION_LOG_DIR, env.CLAUSEWISE_CACHE_DIR, "/tmp"];
  const missing = writable.filter((p) => !p || !mounts[p] || mounts[p].readOnly);
  return missing.length === 0 ? null : `not writable: ${missing.join(", ")}`;
});
check("the Service selects the pods and targets their port", () => {
  const labels = deployment.spec.template.metadata.labels;
  const selects = Object.entries(service.spec.selector).every(([k, v]) => labels[k] === v);
  const port = container.ports.find((p) => p.name === service.spec.ports[0].targetPort || p.containerPort === service.spec.ports[0].targetPort);
  return selects && port ? null : "selector or targetPort does not match";
});
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
