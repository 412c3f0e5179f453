// Prints the manifests to apply: kubernetes.yaml with the ConfigMap generated from every file of the policies
// folder, and the policies volume listing each file at its path (ConfigMap keys are flat: mixpanel/policy.yaml is
// stored under mixpanel.policy.yaml).
//   node render.mjs [POLICIES_DIR]   (default: ../policies-yaml)
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, stringify } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []).sort();
}

export function render(policiesDir = join(here, "../policies-yaml")) {
  const docs = parseAllDocuments(readFileSync(join(here, "kubernetes.yaml"), "utf8")).map((d) => d.toJS());
  const paths = files(policiesDir).map((f) => relative(policiesDir, f).split(sep).join("/"));
  const key = (path) => path.replaceAll("/", ".");
  const configMap = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "clausewise-policies", labels: { app: "clausewise" } },
    data: Object.fromEntries(paths.map((p) => [key(p), readFileSync(join(policiesDir, p), "utf8")])),
  };
  const deployment = docs.find((d) => d.kind === "Deployment");
  const volume = deployment.spec.template.spec.volumes.find((v) => v.configMap?.name === configMap.metadata.name);
  volume.configMap.items = paths.map((p) => ({ key: key(p), path: p }));
  return [configMap, ...docs];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(render(process.argv[2]).map((d) => stringify(d, { lineWidth: 0 })).join("---\n"));
}
