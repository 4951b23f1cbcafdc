// The TypeScript declarations: `tsc --noEmit --strict` over a file that uses every
// export; the documents and results are what `npm run types` generates from
// docs/schema; the hand-written `Grouped<R>` is the schemas' grouped result; and real
// results validate against the schemas the declarations come from.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import Ajv2020 from "ajv/dist/2020.js";
import ts from "typescript";

import { DECLARATIONS, generated, readSchema, typeOf, withGenerated } from "../types.mjs";
import { bindings, pkgDir, repo, servex } from "./support.mjs";

const ACME = JSON.parse(readFileSync(join(repo, "tests", "scorecard.json"), "utf8")).cases.find(
  (c) => c.id === "score/acme",
).input;

/** The built declarations as the TypeScript compiler sees them, with `source` beside them. */
function program(source) {
  const file = join(pkgDir, "check.ts");
  const options = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version);
  const declarations = join(pkgDir, "servex.d.ts");
  const built = ts.createProgram([file, declarations], options, host);
  return {
    checker: built.getTypeChecker(),
    check: built.getSourceFile(file),
    declarations: built.getSourceFile(declarations),
  };
}

/** The members of a type: name to `[optional, type]`. */
function membersOf(checker, type, at) {
  const members = {};
  for (const symbol of checker.getPropertiesOfType(type)) {
    const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
    members[symbol.name] = [optional, parts(checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, at)))];
  }
  return members;
}

/** A union's members in a stable order, without the `undefined` of an optional member. */
function parts(type) {
  return type
    .split(" | ")
    .filter((t) => t !== "undefined")
    .sort()
    .join(" | ");
}

/** The members' names and whether each is optional. */
function names(members) {
  return Object.fromEntries(Object.entries(members).map(([name, [optional]]) => [name, optional]));
}

/** The members a schema object declares: name to `[optional, type]`. */
function membersOfSchema(schema) {
  const required = new Set(schema.required);
  return Object.fromEntries(
    Object.entries(schema.properties).map(([name, member]) => [name, [!required.has(name), parts(typeOf(member))]]),
  );
}

/** Validates with the schema of `file` and returns its errors (none: `[]`). */
const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
function faults(file, value) {
  const validate = ajv.getSchema(readSchema(file).$id) ?? ajv.compile(readSchema(file));
  return validate(value) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`);
}

describe("types", () => {
  test("tsc --noEmit --strict accepts a file that uses every export", () => {
    const tsc = join(bindings, "node_modules", "typescript", "bin", "tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", join(bindings, "test", "types", "tsconfig.json")], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  test("the usage file names every runtime export", () => {
    const usage = readFileSync(join(bindings, "test", "types", "usage.mts"), "utf8");
    for (const name of Object.keys(servex)) assert.match(usage, new RegExp(`\\b${name}\\b`), name);
  });

  test("the declarations declare every runtime export, and nothing more", () => {
    const { declarations } = program("");
    const declared = declarations.statements
      .filter((s) => ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isVariableStatement(s))
      .flatMap((s) => (ts.isVariableStatement(s) ? s.declarationList.declarations : [s]).map((d) => d.name.text));
    assert.deepEqual([...new Set(declared)].sort(), Object.keys(servex).sort());
  });

  test("the documents and results are the ones docs/schema generates", () => {
    const text = readFileSync(DECLARATIONS, "utf8");
    assert.ok(
      withGenerated(text, generated()) === text,
      "js/servex.d.ts is stale: regenerate with `npm run types` (in bindings-wasm)",
    );
    const built = readFileSync(join(pkgDir, "servex.d.ts"), "utf8");
    assert.equal(built, text, "pkg/ is older than js/servex.d.ts: npm run build");
  });

  test("the hand-written Grouped<R> is the schemas' grouped result", () => {
    const metrics = ["Nps", "Csat", "Ces"];
    const aliases = metrics.map(
      (m) =>
        `export type ${m}Grouped = Grouped<${m}Result>;\nexport type ${m}Row = Grouped<${m}Result>["groups"][number];`,
    );
    const source = `import type { Grouped, NpsResult, CsatResult, CesResult } from "./servex";\n${aliases.join("\n")}\n`;
    const { checker, check } = program(source);
    const declared = Object.fromEntries(
      check.statements.filter(ts.isTypeAliasDeclaration).map((d) => [d.name.text, d]),
    );
    for (const metric of metrics) {
      const schema = readSchema(`${metric.toLowerCase()}.schema.json`);
      const members = (alias) => {
        const declaration = declared[`${metric}${alias}`];
        return membersOf(checker, checker.getTypeAtLocation(declaration.name), declaration);
      };
      // `groups` is the generic's own row type, which the schema names per metric.
      const grouped = schema.$defs[`Grouped_for_${metric}Result`];
      assert.deepEqual(names(members("Grouped")), names(membersOfSchema(grouped)), `Grouped<${metric}Result>`);
      const row = schema.$defs[`GroupResult_for_${metric}Result`];
      assert.deepEqual(members("Row"), membersOfSchema(row), `Grouped<${metric}Result>'s rows`);
    }
  });

  test("real results validate against the schemas of docs/schema", () => {
    const grouped = { responses: [10, 9, 3, 7, 0], groups: ["a", "b", "a", 1, 1], compare: "first", funnel: true };
    const results = [
      ["scorecard.schema.json", servex.sample()],
      ["report.schema.json", servex.score(ACME)],
      ["report.schema.json", servex.score(servex.sample())],
      ["framework.schema.json", servex.catalogue()],
      ["nps.schema.json", servex.nps({ responses: [10, 9, 8, 7, 6, 0] })],
      ["nps.schema.json", servex.nps(grouped)],
      ["csat.schema.json", servex.csat({ ...grouped, responses: [5, 4, 3, 1, 2] })],
      ["ces.schema.json", servex.ces({ ...grouped, responses: new Uint8Array([7, 6, 2, 1, 5]) })],
      [
        "servqual.schema.json",
        servex.servqual({ expectations: [[5, 6]], perceptions: [[6, 6]], dimensions: { a: [0, 1] } }),
      ],
      [
        "kano.schema.json",
        servex.kano({
          functional: [
            [1, 2],
            [1, null],
          ],
          dysfunctional: [
            [5, 5],
            [2, 4],
          ],
        }),
      ],
      [
        "units.schema.json",
        servex.scoreUnits({ scorecard: ACME, units: [{ id: "north", title: "N" }, { id: "south" }] }),
      ],
    ];
    for (const [file, result] of results) assert.deepEqual(faults(file, result), [], file);
    const error = (() => {
      try {
        servex.nps({ responses: [11] });
      } catch (e) {
        return { kind: e.kind, message: e.message, path: e.path };
      }
    })();
    assert.deepEqual(faults("error.schema.json", error), []);
  });
});
