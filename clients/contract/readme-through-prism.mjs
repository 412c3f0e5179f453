// Sends every curl request of README.md through Prism (validation proxy) to a running service and fails on any
// violation Prism reports: a request the contract does not describe, or an answer that does not match it.
//
//   node readme-through-prism.mjs --openapi FILE --upstream URL --policies DIR [--readme FILE] [--port N]
//
// The upstream serves a copy of policies-yaml (DIR) with CLAUSEWISE_AUTHORING_TOKEN=s3cret, as the README's
// examples were run. The files the examples send (mp.yaml, mp-bad.yaml, mp-new.yaml, sc.yaml) are made as the
// README describes them. A README example whose shown answer is 401 sends no token on purpose: there, and only
// there, Prism's finding that the bearer token is missing is expected rather than a failure.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    openapi: { type: "string" },
    upstream: { type: "string" },
    policies: { type: "string" },
    readme: { type: "string", default: "../../README.md" },
    port: { type: "string", default: "4010" },
  },
});
for (const required of ["openapi", "upstream", "policies"]) {
  if (!opts[required]) {
    console.error(`--${required} is required`);
    process.exit(2);
  }
}

/** The README's shell lines in code blocks that run curl, continuation lines joined, "$ " prompts removed. */
function readmeCommands(markdown) {
  const commands = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("    ")) continue;
    let text = lines[i].trim().replace(/^\$ /, "");
    if (!/(^|; )curl /.test(text)) continue;
    while (text.endsWith("\\") && i + 1 < lines.length) {
      text = text.slice(0, -1) + " " + lines[++i].trim();
    }
    // The line after a command may be the expected output; the shown status (e.g. 401) is remembered.
    const shown = (lines[i + 1] ?? "").trim();
    commands.push({ line: i + 1, text, shownStatus: /^\d{3}$/.test(shown) ? Number(shown) : null });
  }
  return commands;
}

/** Shell words: single quotes literal, double quotes with backslash escapes, ; separates steps; what a step pipes its output to is dropped. */
function shellSteps(text) {
  const steps = [[]];
  let word = null;
  let piped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (piped && c !== ";") {
      if (c === "'") i = text.indexOf("'", i + 1);
      continue;
    }
    if (c === "|") {
      if (word !== null) steps.at(-1).push(word);
      word = null;
      piped = true;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? "") + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let s = "";
      while (text[j] !== '"') {
        if (text[j] === "\\") j++;
        s += text[j++];
      }
      word = (word ?? "") + s;
      i = j;
    } else if (c === "\\") {
      word = (word ?? "") + text[++i];
    } else if (c === " " || c === ";") {
      if (word !== null) steps.at(-1).push(word);
      word = null;
      if (c === ";") {
        steps.push([]);
        piped = false;
      }
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== null) steps.at(-1).push(word);
  return steps.filter((s) => s.length > 0);
}

/** A curl invocation as a request: method, URL, headers and body (@file read from dir). */
function curlRequest(args, dir) {
  const request = { method: null, url: null, headers: {}, body: undefined };
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === "-s") continue;
    if (a === "-o" || a === "-w") i++;
    else if (a === "-X") request.method = args[++i];
    else if (a === "-H") {
      const h = args[++i];
      const colon = h.indexOf(":");
      request.headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    } else if (a === "-d" || a === "--data-binary") {
      const v = args[++i];
      request.body = v.startsWith("@") ? readFileSync(join(dir, v.slice(1)), "utf8") : v;
    } else if (a.startsWith("-")) throw new Error(`curl option ${a} is not understood by this check`);
    else request.url = a;
  }
  request.method ??= request.body === undefined ? "GET" : "POST";
  return request;
}

function exampleFiles(policies) {
  const dir = mkdtempSync(join(tmpdir(), "readme-examples-"));
  const mixpanel = readFileSync(join(policies, "mixpanel/policy.yaml"), "utf8");
  writeFileSync(join(dir, "mp.yaml"), mixpanel);
  writeFileSync(join(dir, "mp-bad.yaml"), mixpanel.replaceAll("user.contact.email", "user.contact.emial"));
  writeFileSync(join(dir, "mp-new.yaml"), mixpanel.replace("title: Mixpanel Privacy Statement", "title: Mixpanel Privacy Statement (edited)"));
  writeFileSync(join(dir, "sc.yaml"), "policy: mixpanel\nscenarios:\n  - name: never sold\n    query: {practice: share.sell}\n    expect: {outcome: DENY}\n"
    + "  - name: wrong on purpose\n    query: {practice: share.sell}\n    expect: {outcome: ALLOW}\n");
  return dir;
}

async function startPrism() {
  const bin = resolve("node_modules/.bin/prism");
  const prism = spawn(bin, ["proxy", opts.openapi, opts.upstream, "--port", opts.port, "--host", "127.0.0.1"], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  prism.stdout.on("data", (d) => (log += d));
  prism.stderr.on("data", (d) => (log += d));
  for (let i = 0; i < 600; i++) {
    if (/Prism is listening/.test(log)) return { prism, log: () => log };
    if (prism.exitCode !== null) break;
    await sleep(100);
  }
  prism.kill();
  throw new Error("Prism did not start:\n" + log);
}

/** Prism's findings on one exchange, from the sl-violations header it adds in proxy mode. */
function violations(response) {
  const header = response.headers.get("sl-violations");
  return header ? JSON.parse(header) : [];
}

const isMissingToken = (v) => v.location?.[0] === "request" && /security|authoriz|credentials/i.test(`${v.code} ${v.message}`);

const commands = readmeCommands(readFileSync(opts.readme, "utf8"));
if (commands.length === 0) throw new Error("no curl example found in " + opts.readme);
const files = exampleFiles(opts.policies);
const { prism, log } = await startPrism();
let failures = 0;
let passed = 0;
let lastDecisionId = null;
try {
  for (const command of commands) {
    for (const step of shellSteps(command.text)) {
      if (step[0] === "sleep") {
        await sleep(Number(step[1]) * 1000);
        continue;
      }
      if (step[0] === "cp") {
        copyFileSync(join(files, step[1]), step[2].replace("/tmp/readme-pol", opts.policies));
        continue;
      }
      if (step[0] !== "curl") throw new Error(`README.md:${command.line}: step ${step[0]} is not understood by this check`);
      const r = curlRequest(step, files);
      let url = r.url.replace(/^(http:\/\/)?localhost:8080/, `http://127.0.0.1:${opts.port}`);
      // The README's read-back names a decision of its own run; this run reads back the one its batch made.
      if (lastDecisionId) url = url.replace(/\/v1\/decisions\/[0-9a-f-]{36}$/, `/v1/decisions/${lastDecisionId}`);
      const response = await fetch(url, { method: r.method, headers: r.headers, body: r.body });
      const text = await response.text();
      if (url.endsWith("/v1/decisions/batch") && response.ok) {
        lastDecisionId = JSON.parse(text).answers.find((a) => a.decision)?.decision.decisionId ?? null;
      }
      const found = violations(response).filter((v) => !(command.shownStatus === 401 && response.status === 401 && isMissingToken(v)));
      const where = `README.md:${command.line} ${r.method} ${new URL(url).pathname}`;
      if (found.length > 0) {
        failures++;
        console.log(`FAIL ${where} -> ${response.status}`);
        for (const v of found) console.log(`     ${v.severity ?? ""} ${v.location?.join(".")}: ${v.message}`);
      } else {
        passed++;
        console.log(`ok   ${where} -> ${response.status}`);
      }
    }
  }
} finally {
  prism.kill();
}
const unresolved = log().split("\n").filter((l) => /Route not resolved|NO_PATH_MATCHED|NO_METHOD_MATCHED/i.test(l));
if (unresolved.length > 0) {
  failures += unresolved.length;
  console.log("Prism found requests the contract does not describe:\n" + unresolved.join("\n"));
}
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
