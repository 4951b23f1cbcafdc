// The installed package's declarations (servex.d.ts), under tsc --strict: what a
// TypeScript ES module writes.
import { ServexError, sample, score } from "servex";
import type { Report, ScorecardDocument } from "servex";

const doc: ScorecardDocument = sample();
const report: Report = score(doc);
const headline: number | null = report.score;
try {
  score({ indicators: [] });
} catch (error) {
  if (error instanceof ServexError) console.log(error.kind, error.path);
}
// @ts-expect-error: a document needs indicators.
score({ title: "no indicators" });
console.log(headline);
