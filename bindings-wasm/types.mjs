// The document and result declarations of js/servex.d.ts, generated from the JSON
// Schemas of docs/schema (which the core derives from its types): `npm run types`
// rewrites the part of js/servex.d.ts between the two marker lines, and
// test/types.test.mjs fails when that part is not what this writes.
//
// The schemas use a small part of JSON Schema; any other keyword stops the generator
// rather than becoming a loose type.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_DIR = join(here, "..", "docs", "schema");
export const DECLARATIONS = join(here, "js", "servex.d.ts");
export const BEGIN = "// ---- generated from docs/schema by `npm run types` (types.mjs): do not edit below ----";
export const END = "// ---- end of the generated declarations ----";

/**
 * The schema files that type the package's documents and results: whether servex reads
 * or writes what each describes (a member that may hold any JSON value is `unknown` in
 * what the user passes, so that any object will do, and `Json` in what servex returns),
 * and the names each defines that js/servex.d.ts declares by hand instead: the metric
 * results' generic wrappers (TypeScript has generics, JSON Schema has not:
 * `Grouped<R>`), and the error object (thrown as the class `ServexError`). The
 * metrics' inputs are declared by hand, as they also take typed arrays.
 */
const FILES = [
  ["scorecard.schema.json", "read", []],
  ["catalogue-input.schema.json", "read", []],
  ["units-input.schema.json", "read", []],
  ["report.schema.json", "written", []],
  ["framework.schema.json", "written", []],
  ["units.schema.json", "written", []],
  ["nps.schema.json", "written", ["Scored_for_NpsResult", "Grouped_for_NpsResult", "GroupResult_for_NpsResult"]],
  ["csat.schema.json", "written", ["Scored_for_CsatResult", "Grouped_for_CsatResult", "GroupResult_for_CsatResult"]],
  ["ces.schema.json", "written", ["Scored_for_CesResult", "Grouped_for_CesResult", "GroupResult_for_CesResult"]],
  ["servqual.schema.json", "written", []],
  ["kano.schema.json", "written", []],
  ["error.schema.json", "written", ["Error"]],
];

/** The type of a member that may hold any JSON value, in what servex reads or writes. */
const ANY = { read: "unknown", written: "Json" };

/** Keywords that constrain values but not their TypeScript type. */
const UNTYPED = new Set([
  "description",
  "title",
  "format",
  "default",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "$schema",
  "$id",
  "$defs",
]);

export function readSchema(name) {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, name), "utf8"));
}

/** The named types of every file, in file order: each root under its title, then its definitions. */
function namedTypes() {
  const types = new Map();
  for (const [file, side, byHand] of FILES) {
    const schema = readSchema(file);
    const named = [[schema.title, schema], ...Object.entries(schema.$defs ?? {})];
    for (const [name, shape] of named) {
      if (byHand.includes(name)) continue;
      const seen = types.get(name);
      if (seen && JSON.stringify(seen.shape) !== JSON.stringify(shape)) {
        throw new Error(`${name} has one shape in ${seen.file} and another in ${file}`);
      }
      if (!seen) types.set(name, { file, shape, any: ANY[side] });
    }
  }
  return types;
}

function doc(description, indent) {
  if (!description) return "";
  const lines = description.split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

function union(parts) {
  return [...new Set(parts)].join(" | ");
}

/** `T[]`, with a union in parentheses. */
function arrayOf(item) {
  return /[|&]/.test(item) ? `(${item})[]` : `${item}[]`;
}

/** The TypeScript type of `schema`, nested `indent` deep, `any` for any JSON value. */
export function typeOf(schema, indent = "", any = "Json") {
  if (schema === true) return any;
  const unknown = Object.keys(schema).filter(
    (k) =>
      !UNTYPED.has(k) &&
      !["$ref", "enum", "const", "anyOf", "oneOf", "type", "items", "minItems", "maxItems"].includes(k) &&
      !["properties", "required", "additionalProperties"].includes(k),
  );
  if (unknown.length > 0) throw new Error(`types.mjs does not know ${unknown.join(", ")} in ${JSON.stringify(schema)}`);
  if (schema.$ref) return schema.$ref.replace("#/$defs/", "");
  if (schema.enum) return union(schema.enum.map((v) => JSON.stringify(v)));
  if ("const" in schema) return JSON.stringify(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return union(alternatives.map((s) => typeOf(s, indent, any)));
  if (schema.type === undefined) return any;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return union(types.map((type) => typeOfType(type, schema, indent, any)));
}

function typeOfType(type, schema, indent, any) {
  switch (type) {
    case "null":
    case "string":
    case "boolean":
      return type;
    case "number":
    case "integer":
      return "number";
    case "array": {
      const item = typeOf(schema.items, indent, any);
      const n = schema.minItems;
      return n !== undefined && n === schema.maxItems ? `[${Array(n).fill(item).join(", ")}]` : arrayOf(item);
    }
    case "object":
      if (schema.properties) return `{\n${members(schema, `${indent}  `, any)}${indent}}`;
      return `{ [key: string]: ${typeOf(schema.additionalProperties ?? true, indent, any)} }`;
    default:
      throw new Error(`types.mjs does not know the type ${type}`);
  }
}

/** An object's members, one a line, each with its description. */
function members(schema, indent, any) {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties)
    .map(([name, member]) => {
      const optional = required.has(name) ? "" : "?";
      return `${doc(member.description, indent)}${indent}${name}${optional}: ${typeOf(member, `${indent}  `, any)};\n`;
    })
    .join("");
}

/** The declaration of one named type: an interface for an object, else a type alias. */
function declaration(name, { shape, any }) {
  const head = doc(shape.description, "");
  if (shape.type === "object" && shape.properties) {
    return `${head}export interface ${name} {\n${members(shape, "  ", any)}}\n`;
  }
  const type = typeOf(shape, "", any);
  if (shape.enum && type.length > 80) return `${head}export type ${name} =\n  | ${type.split(" | ").join("\n  | ")};\n`;
  return `${head}export type ${name} = ${type};\n`;
}

/** The generated part of js/servex.d.ts, markers included. */
export function generated() {
  const declarations = [...namedTypes()].map(([name, type]) => declaration(name, type));
  return `${BEGIN}\n\n${declarations.join("\n")}\n${END}\n`;
}

/** js/servex.d.ts with its generated part replaced by `part`. */
export function withGenerated(text, part) {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`js/servex.d.ts lacks the marker lines:\n${BEGIN}\n${END}`);
  return text.slice(0, begin) + part + text.slice(end + END.length + 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(DECLARATIONS, "utf8");
  writeFileSync(DECLARATIONS, withGenerated(text, generated()));
  console.log(`types.mjs: wrote the generated declarations of ${DECLARATIONS}`);
}
