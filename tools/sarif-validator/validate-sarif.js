#!/usr/bin/env node
// Validates SARIF files the way a consumer would, with two independent tools:
//  1. the official SARIF 2.1.0 JSON schema (the copy Microsoft ships in its
//     SARIF Multitool package), checked with ajv in draft 2020-12 mode;
//  2. the SARIF Multitool's own `validate` verb, whose rules go beyond the
//     schema (rule names, URIs, fingerprints...). Any warning or error fails.
// Usage: node validate-sarif.js FILE.sarif...
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const multitoolDir = path.dirname(
  require.resolve("@microsoft/sarif-multitool-linux/package.json"));
const schema = JSON.parse(
  fs.readFileSync(path.join(multitoolDir, "sarif-2.1.0.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

// npm 11 does not run the package's postinstall chmod unless approved.
const multitool = path.join(multitoolDir, "Sarif.Multitool");
fs.chmodSync(multitool, 0o755);

let failures = 0;
for (const file of process.argv.slice(2)) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    console.log(`${file}: not JSON: ${err.message}`);
    failures++;
    continue;
  }
  if (!validate(log)) {
    for (const e of validate.errors)
      console.log(`${file}: schema: ${e.instancePath || "/"} ${e.message}`);
    failures++;
    continue;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sarif-validate-"));
  const out = path.join(scratch, "validation.sarif");
  const run = spawnSync(multitool, ["validate", file, "-o", out],
                        { encoding: "utf8", env: { ...process.env,
                          DOTNET_CLI_TELEMETRY_OPTOUT: "1" } });
  if (run.status !== 0 || !fs.existsSync(out)) {
    console.log(`${file}: multitool failed (${run.status}): ${run.stdout}${run.stderr}`);
    failures++;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  const validationRun = report.runs[0];
  const rules = (validationRun.tool.driver.rules || []);
  const problems = (validationRun.results || []).filter(result => {
    const rule = rules[result.ruleIndex] || {};
    const level = result.level ||
      (rule.defaultConfiguration && rule.defaultConfiguration.level) ||
      "warning";
    return level === "error" || level === "warning";
  });
  for (const p of problems) {
    const args = (p.message.arguments || []).join(", ");
    console.log(`${file}: multitool ${p.ruleId} ${p.message.id || ""} ${args}`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  if (problems.length) failures++;
  else console.log(`${file}: valid SARIF 2.1.0`);
}
process.exit(failures ? 1 : 0);
