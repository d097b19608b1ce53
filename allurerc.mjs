// Allure 3 configuration, read by `npx allure generate allure-results -o allure-report` (README, "Reports").
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// The suite writes categories.json (failure kinds by requirement id) into its results folder, where
// Allure 2 reads it; Allure 3 takes categories from this configuration, so they are read from the
// results folder named on the command line (or ALLURE_RESULTS_DIRECTORY, or ./allure-results).
const candidates = [...process.argv.slice(2), process.env.ALLURE_RESULTS_DIRECTORY, "allure-results"]
  .filter((arg) => arg && !arg.startsWith("-"));
const categoriesFile = candidates
  .map((dir) => join(dir, "categories.json"))
  .find((file) => existsSync(file) && statSync(file).isFile());
const categories = categoriesFile ? JSON.parse(readFileSync(categoriesFile, "utf8")) : undefined;

export default {
  name: "Archivematica API conformance",
  output: "allure-report",
  ...(categories ? { categories } : {}),
  plugins: {
    awesome: {
      options: {
        reportName: "Archivematica API conformance",
        // One self-contained index.html: opens from disk or from a downloaded CI artefact.
        singleFile: true,
        // The tree: service, then resource, then auth mode or kind of check.
        groupBy: ["epic", "feature", "story"],
        reportLanguage: "en",
      },
    },
  },
};
