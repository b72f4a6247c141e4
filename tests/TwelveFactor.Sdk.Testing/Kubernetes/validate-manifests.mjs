// Validates Kubernetes YAML files against the API schema of a current Kubernetes release, offline, with the npm
// package kubernetes-models (validators generated from the Kubernetes OpenAPI document) and parses them with the
// npm package yaml (YAML 1.2; a duplicate key or a syntax error is an error). Prints one JSON line per document:
// {"file", "apiVersion", "kind", "name", "error", "object"} (the document as JSON, for the tests to read). Kustomization files are checked for their resources existing.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseAllDocuments } from "yaml";

async function modelOf(apiVersion, kind) {
  const path = apiVersion.includes("/") ? `kubernetes-models/${apiVersion}/${kind}` : `kubernetes-models/v1/${kind}`;
  try {
    return (await import(path))[kind];
  } catch {
    return null;
  }
}

for (const file of process.argv.slice(2)) {
  let documents;
  try {
    documents = parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true, strict: true });
  } catch (e) {
    console.log(JSON.stringify({ file, error: "unreadable: " + e.message }));
    continue;
  }
  for (const document of documents) {
    if (document.errors.length > 0) {
      console.log(JSON.stringify({ file, error: "YAML: " + document.errors.map(e => e.message).join("; ") }));
      continue;
    }
    const object = document.toJS();
    const { apiVersion, kind } = object ?? {};
    const name = object?.metadata?.name ?? null;
    if (kind === "Kustomization") {
      const missing = (object.resources ?? []).filter(r => !existsSync(join(dirname(file), r)));
      console.log(JSON.stringify({ file, apiVersion, kind, name, error: missing.length ? "missing resources: " + missing.join(", ") : null }));
      continue;
    }
    const Model = apiVersion && kind ? await modelOf(apiVersion, kind) : null;
    if (!Model) {
      console.log(JSON.stringify({ file, apiVersion, kind, name, error: `no schema for ${apiVersion} ${kind}` }));
      continue;
    }
    try {
      new Model(object).validate();
      console.log(JSON.stringify({ file, apiVersion, kind, name, error: null, object }));
    } catch (e) {
      console.log(JSON.stringify({ file, apiVersion, kind, name, error: e.message }));
    }
  }
}
