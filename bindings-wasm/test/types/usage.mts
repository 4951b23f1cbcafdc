// Uses every export of the package with its declared types; `tsc --noEmit --strict`
// over this file is the type check (test/types.test.mjs runs it).

import type {
  CesResult,
  Chart,
  Comparison,
  CsatResult,
  ErrorKind,
  Framework,
  FunnelRow,
  Grouped,
  IndicatorRow,
  KanoCategory,
  NpsResult,
  Report,
  ScorecardDocument,
  ServqualResult,
  Status,
  UnitsResult,
} from "servex";
import {
  catalogue,
  ces,
  csat,
  ERROR_KINDS,
  init,
  initRender,
  initRenderSync,
  initSync,
  kano,
  nps,
  renderComparison,
  renderFunnel,
  renderHtml,
  renderSvg,
  renderUnits,
  renderUnitsHtml,
  ServexError,
  sample,
  score,
  scoreUnits,
  servqual,
  version,
} from "servex";

await init();
initSync(new Uint8Array(0));
await initRender(new URL("https://example.org/servex_wasm_render_bg.wasm"));
initRenderSync(new Uint8Array(0));

const doc: ScorecardDocument = {
  servex: 1,
  title: "Acme",
  perspectives: [{ id: "service", weight: 2 }],
  scales: { audit: { min: 0, max: 3, values: [0, 1, 3], labels: { "3": "full" } } },
  indicators: [
    { id: "nps", perspective: "service", levels: [4], value: 42, baseline: 0, target: 50, meta: { owner: "cx" } },
    { id: "range", perspective: "service", value: 12, baseline: [6, 20], target: [10, 14] },
    { id: "culture", element: "7.2.1", scale: "maturity", value: 3, history: [{ period: "Q1", value: null }] },
  ],
  options: { missing: "zero", level_thresholds: [0.75, 0.75, 0.8, 0.8], element_weights: { "7.1.1": 2 } },
};
const report: Report = score(doc);
const fromText: Report = score(JSON.stringify(doc));
const acme: ScorecardDocument = sample();
const acmeScore: number | null = score(acme).score;
const headline: number | null = report.score;
const status: Status = report.status;
const row: IndicatorRow | undefined = report.indicators[0];
const direction: "increase" | "decrease" | "range" | undefined = row?.direction;
const levelNames: (string | null)[] = report.levels.map((l) => l.title);
const focus: number | null = fromText.focus_level;

const page: string = renderHtml(report, doc);
const bare: string = renderHtml(fromText);
const chart: Chart = "pyramid";
const drawing: string = renderSvg(report, chart);

const framework: Framework = catalogue();
const same: Framework = catalogue({ framework: "iso23592:2021" });
const elementTitles: (string | undefined)[] = framework.dimensions.flatMap((d) => d.elements.map((e) => e.title));

const n: NpsResult = nps({ responses: [10, 9, 3], method: "wald", confidence: 0.9 });
const typed: NpsResult = nps({ responses: new Uint8Array([10, 9, 3]), invalid: "skip" });
const grouped: Grouped<NpsResult> = nps({ responses: [10, 9], groups: ["a", 1] });
const label: string | number | undefined = grouped.groups[0]?.group;
const fast: Grouped<NpsResult> = nps({ responses: new Uint8Array([10, 9]), groups: new Uint32Array([0, 1]) });
const c: CsatResult = csat({ responses: new Float64Array([5, 4, 1]), scale: 5, top: 2 });
const e = ces({ responses: [7, 1], scale: 7, confidence: 0.9 });
const eNet: number = e.net;
const eInterval: [number, number] = [e.ci_low, e.ci_high];
const weighted: Grouped<CesResult> = ces({
  responses: new Uint8Array([7, 1, 4]),
  groups: ["a", "b", "a"],
  weights: new Float64Array([1.5, 0.5, 1]),
  compare: { group: "a" },
  adjust: "bh",
});
const comparison: Comparison | null | undefined = weighted.groups[1]?.comparison;
const pValue: number | null | undefined = comparison?.p_adjusted;
const tallied = csat({ responses: [5, 4, 1], counts: [10, 3, 2], weights: [9.5, 3, 2.5], weights_sq: [9.1, 3, 3.2] });
const effective: number = tallied.n_eff;
const forest: string = renderComparison(weighted);
const funnelled = nps({ responses: [9, 3, 10, 7], groups: ["a", "b", "a", "b"], funnel: { overdispersion: true } });
const place: FunnelRow | undefined = funnelled.groups[0]?.funnel;
const tau2: number | undefined = funnelled.funnel?.tau2;
const funnelPlot: string = renderFunnel(funnelled);
const units: UnitsResult = scoreUnits({ scorecard: doc, units: [{ id: "north", values: { nps: 40 } }] });
const unitsOverview: string = renderUnits(units);
const unitsPage: string = renderUnitsHtml(units);
const median: number | null = units.summary.score.median;
const s: ServqualResult = servqual({
  expectations: [
    [5, 6],
    [6, null],
  ],
  perceptions: [new Float64Array([6, 6]), [5, 7]],
  dimensions: { reliability: [0, 1] },
  weights: { reliability: 1 },
  tolerance: 0.5,
});
const k = kano({ functional: [1, 2, null], dysfunctional: [5, 5, 3], attributes: ["fast"] });
const category: KanoCategory | undefined = k.attributes[0]?.category;
const v: string = version();

try {
  score({ indicators: [] });
} catch (error) {
  if (error instanceof ServexError) {
    const kind: ErrorKind = error.kind;
    const path: string = error.path;
    const name: "ServexError" = error.name;
    console.log(kind, path, name, error.message);
  }
}
const kinds: readonly ErrorKind[] = ERROR_KINDS;

console.log(
  page,
  bare,
  drawing,
  forest,
  eInterval,
  pValue,
  effective,
  place,
  tau2,
  median,
  funnelPlot,
  unitsOverview,
  unitsPage,
);
console.log(
  acmeScore,
  headline,
  status,
  direction,
  levelNames,
  focus,
  same,
  elementTitles,
  n,
  typed,
  label,
  fast,
  c,
  eNet,
  s,
  category,
  v,
  kinds,
);

// @ts-expect-error: a document needs indicators.
score({ title: "no indicators" });
// @ts-expect-error: an unknown option word.
score({ indicators: [], options: { missing: "ignore" } });
// @ts-expect-error: responses are numbers.
nps({ responses: ["10"] });
// @ts-expect-error: no such comparison.
nps({ responses: [9], groups: ["a"], compare: "last" });
// @ts-expect-error: no such chart.
renderSvg(report, "pie");
// @ts-expect-error: no such error kind.
const wrongKind: ErrorKind = "boom";
console.log(wrongKind);
