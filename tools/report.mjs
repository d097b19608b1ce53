#!/usr/bin/env node
// Builds the HTML report from the suite's Allure results:
//   npm run report                                  allure-results/ -> allure-report/index.html
//   npm run report -- <results-dir> [<report-dir>]
// It runs the pinned Allure 3 CLI (`allure generate <results> -o <report>`, configured by
// allurerc.mjs: one self-contained index.html, tree by service, resource and auth mode), then
// removes the analytics tag Allure puts in every report, so that opening a report never tells a
// third party about it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const from = process.env.INIT_CWD ?? process.cwd(); // npm runs scripts in the package root
const results = resolve(from, process.argv[2] ?? process.env.ALLURE_RESULTS_DIRECTORY ?? join(root, "allure-results"));
const output = resolve(from, process.argv[3] ?? join(root, "allure-report"));

if (!existsSync(results) || !readdirSync(results).some((f) => f.endsWith("-result.json"))) {
  console.error(`No Allure results in ${results}: run the suite first (dotnet test tests/Conformance.Tests).`);
  process.exit(2);
}

const allure = join(root, "node_modules", ".bin", process.platform === "win32" ? "allure.cmd" : "allure");
if (!existsSync(allure)) {
  console.error("The Allure CLI is not installed: run `npm ci` in the repository root first.");
  process.exit(2);
}

const run = spawnSync(allure, ["generate", results, "-o", output], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
if (run.status !== 0) {
  process.exit(run.status ?? 1);
}

const index = join(output, "index.html");
const html = readFileSync(index, "utf8");
const stripped = html.replace(
  /<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>(?:(?!<\/script>)[\s\S])*?gtag\((?:(?!<\/script>)[\s\S])*<\/script>/g,
  "",
);
writeFileSync(index, stripped);
if (stripped.includes("googletagmanager")) {
  console.error(`warning: ${index} still refers to an analytics service`);
}
console.log(`Report: ${index}`);
