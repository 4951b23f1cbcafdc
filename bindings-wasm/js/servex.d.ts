// Type declarations of the npm package `servex` (hand-written; test/types.test.mjs
// checks that the keys of real results equal the keys declared here).

/* ------------------------------------------------------------------ errors */

/** The stable error kinds of the SPEC (section 8). */
export type ErrorKind =
  | "invalid_json"
  | "invalid_document"
  | "unsupported_version"
  | "unknown_framework"
  | "unknown_reference"
  | "duplicate_id"
  | "invalid_indicator"
  | "invalid_value"
  | "missing_value"
  | "empty_input"
  | "limit_exceeded"
  | "internal_error";

/**
 * Every error kind, in SPEC order: the core's list, read from the module (browser
 * entry: by `init()`, empty before).
 */
export declare const ERROR_KINDS: readonly ErrorKind[];

/** Every failure of servex: a real `Error` whose `name` is `"ServexError"`. */
export declare class ServexError extends Error {
  private constructor();
  readonly name: "ServexError";
  /** The stable kind, e.g. `"invalid_value"`. */
  readonly kind: ErrorKind;
  /** JSON Pointer (RFC 6901) to the offending member of the input; `""` is the whole input. */
  readonly path: string;
}

/* ------------------------------------------------------------------ shared */

/** Any JSON value (for `meta`, kept verbatim). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A typed array of numbers, accepted wherever a column of numbers is. */
export type TypedNumberArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/**
 * A column of responses: a plain array (null = no answer) or a typed array. For `nps`,
 * `csat` and `ces` a typed array (NaN = no answer) goes into the module as it is,
 * without JSON: the fast path for large columns.
 */
export type NumberColumn = readonly (number | null)[] | TypedNumberArray;

/** One group label per row: plain labels, or integer labels as a typed array (fast path). */
export type GroupColumn = readonly GroupLabel[] | TypedNumberArray;

/** Red, amber or green from progress against thresholds; `missing` without a value. */
export type Status = "green" | "amber" | "red" | "missing";

/** What a pyramid level delivers: satisfaction (levels 1, 2) or delight (3, 4). */
export type LevelOutcome = "satisfaction" | "delight";

/* --------------------------------------------------------------- framework */

/** A principle of service excellence. */
export interface Principle {
  id: string;
  title?: string;
  summary?: string;
}

/** An element of the model, inside a dimension (as `catalogue()` returns it: defaults filled in). */
export interface Element {
  id: string;
  title?: string;
  /** Weight within its dimension (default 1). */
  weight: number;
  /** Pyramid levels (1 to 4) it evidences by default. */
  levels: number[];
  summary?: string;
}

/** A dimension of the model (as `catalogue()` returns it: defaults filled in). */
export interface Dimension {
  id: string;
  title?: string;
  /** The scorecard perspective its elements feed by default. */
  perspective?: string;
  /** Weight in the model score (default 1). */
  weight: number;
  elements: Element[];
  summary?: string;
}

/** A level of the service excellence pyramid. */
export interface Level {
  /** 1 to 4, bottom to top. */
  level: number;
  id: string;
  title?: string;
  outcome: LevelOutcome;
  summary?: string;
}

/** A perspective of the balanced scorecard. */
export interface Perspective {
  id: string;
  title?: string;
  /** The question the perspective answers. */
  question?: string;
}

/** A framework as `catalogue()` returns it (weights and levels filled in). */
export interface Framework {
  id: string;
  title?: string;
  note?: string;
  principles: Principle[];
  dimensions: Dimension[];
  levels: Level[];
  perspectives: Perspective[];
}

/** A custom framework as a document may carry it (optional fields may be left out). */
export interface FrameworkInput {
  id: string;
  title?: string | null;
  note?: string | null;
  principles?: { id: string; title?: string | null; summary?: string | null }[];
  dimensions?: {
    id: string;
    title?: string | null;
    perspective?: string | null;
    weight?: number | null;
    elements?: {
      id: string;
      title?: string | null;
      weight?: number | null;
      levels?: number[] | null;
      summary?: string | null;
    }[];
    summary?: string | null;
  }[];
  levels?: { level: number; id: string; title?: string | null; outcome: LevelOutcome; summary?: string | null }[];
  perspectives?: { id: string; title?: string | null; question?: string | null }[];
}

/** Input of `catalogue()`: a built-in framework id or a whole framework (default: ISO 23592). */
export interface CatalogueInput {
  framework?: string | FrameworkInput | null;
}

/* ---------------------------------------------------------------- document */

/** Status thresholds on progress. */
export interface Thresholds {
  green?: number | null;
  amber?: number | null;
}

/** A rating scale. */
export interface Scale {
  min: number;
  max: number;
  /** The only ratings allowed. */
  values?: number[] | null;
  /** Names of ratings, keyed by the rating's JSON number text. */
  labels?: { [value: string]: string } | null;
}

/** One earlier period of an indicator. */
export interface HistoryPoint {
  period: string;
  value?: number | null;
}

/** A baseline or target: a number, or a `[low, high]` range. */
export type Bound = number | [number, number];

/** One indicator: a measure (`baseline` and `target`) or a rating (`scale`). */
export interface Indicator {
  /** Unique id, 1 to 256 characters. */
  id: string;
  title?: string | null;
  /** The framework element it evidences, e.g. `"7.1.1"`. */
  element?: string | null;
  /** Its perspective; its element's dimension's perspective when absent. */
  perspective?: string | null;
  /** Pyramid levels (1 to 4) it evidences; its element's when absent. */
  levels?: number[] | null;
  /** Principle ids it evidences. */
  principles?: string[] | null;
  /** Weight (default 1). */
  weight?: number | null;
  /** The current value; null or absent when missing. */
  value?: number | null;
  baseline?: Bound | null;
  target?: Bound | null;
  /** A rating scale name (`maturity`, `likert5`, `percent`, `icss`, `evidence`, or the document's own). */
  scale?: string | null;
  history?: HistoryPoint[] | null;
  thresholds?: Thresholds | null;
  unit?: string | null;
  evidence?: string | null;
  meta?: Json;
}

/** A perspective of the scorecard with its weight. */
export interface PerspectiveWeight {
  id: string;
  title?: string | null;
  weight?: number | null;
}

/** Scoring options; every field has a default. */
export interface Options {
  /** `exclude` (default), `zero` or `error`. */
  missing?: "exclude" | "zero" | "error" | null;
  /** Clamp progress to [0, 1] (default true). */
  clamp?: boolean | null;
  thresholds?: Thresholds | null;
  /** The score each pyramid level needs (default 0.75 each). */
  level_thresholds?: [number, number, number, number] | null;
  element_weights?: { [element: string]: number } | null;
  dimension_weights?: { [dimension: string]: number } | null;
  /** The slope within which a trend is `stable` (default 0.01). */
  trend_tolerance?: number | null;
}

/** A scorecard document: the input of `score()`. */
export interface ScorecardDocument {
  /** Format version: 1. */
  servex?: 1 | null;
  /** A built-in framework id (default `"iso23592:2021"`) or a whole framework. */
  framework?: string | FrameworkInput | null;
  title?: string | null;
  perspectives?: PerspectiveWeight[] | null;
  scales?: { [name: string]: Scale } | null;
  indicators: Indicator[];
  options?: Options | null;
}

/* ------------------------------------------------------------------ report */

/** How an indicator's progress has moved over its history. */
export interface Trend {
  delta: number;
  slope: number;
  direction: "improving" | "stable" | "declining";
}

/** One perspective, scored. */
export interface PerspectiveRow {
  id: string;
  title: string | null;
  weight: number;
  score: number | null;
  status: Status;
  coverage: number | null;
  /** How many indicators it has. */
  indicators: number;
}

/** One dimension, scored from its elements. */
export interface DimensionRow {
  id: string;
  title: string | null;
  weight: number;
  score: number | null;
  status: Status;
  coverage: number | null;
  /** Its element ids. */
  elements: string[];
}

/** One element, scored from its indicators. */
export interface ElementRow {
  id: string;
  title: string | null;
  dimension: string;
  weight: number;
  score: number | null;
  status: Status;
  coverage: number | null;
  levels: number[];
}

/** One level of the pyramid, scored. */
export interface LevelRow {
  level: number;
  id: string;
  title: string | null;
  outcome: LevelOutcome;
  score: number | null;
  threshold: number;
  met: boolean;
  indicators: number;
}

/** One principle, scored. */
export interface PrincipleRow {
  id: string;
  title: string | null;
  score: number | null;
  coverage: number | null;
  indicators: number;
}

/** One indicator, scored, with what the user wrote kept verbatim. */
export interface IndicatorRow {
  id: string;
  title: string | null;
  perspective: string;
  element: string | null;
  levels: number[];
  principles: string[];
  weight: number;
  value: number | null;
  direction: "increase" | "decrease" | "range";
  achievement: number | null;
  progress: number | null;
  status: Status;
  trend: Trend | null;
  unit: string | null;
  evidence: string | null;
  meta: Json;
}

/** An element's gap and how much closing it would raise `model_score`. */
export interface GapRow {
  element: string;
  score: number;
  gap: number;
  impact: number;
}

/** An indicator and how much reaching its target would raise `score`. */
export interface PriorityRow {
  indicator: string;
  progress: number;
  impact: number;
}

/** The output of `score()`: the scorecard scored five ways. */
export interface Report {
  servex: 1;
  /** Id of the framework scored against. */
  framework: string;
  title: string | null;
  /** The headline: weighted mean of the perspective scores, in [0, 1]. */
  score: number | null;
  /** Weighted mean of the dimension scores (the ISO 23592 model's view). */
  model_score: number | null;
  status: Status;
  coverage: number | null;
  /** The highest pyramid level L such that levels 1..L are all met, else 0. */
  level_attained: number;
  outcome: "below_satisfaction" | "satisfaction" | "delight";
  /** The next level to work on; null once level 4 is attained. */
  focus_level: number | null;
  perspectives: PerspectiveRow[];
  dimensions: DimensionRow[];
  elements: ElementRow[];
  levels: LevelRow[];
  principles: PrincipleRow[];
  indicators: IndicatorRow[];
  gaps: GapRow[];
  priorities: PriorityRow[];
}

/* ----------------------------------------------------------------- metrics */

/** A group label: a string or an integer (`1` and `"1"` are different groups). */
export type GroupLabel = string | number;

/** Results per group, in order of first appearance; groups with no valid response are left out. */
export interface Grouped<R> {
  /** `comparison` is present only when the call had `compare`, `funnel` only with `funnel`. */
  groups: (R & { group: GroupLabel; comparison?: Comparison | null; funnel?: FunnelRow })[];
  /** With `funnel`: the common target, tau^2 and phi (SPEC 12.2). */
  funnel?: FunnelSummary;
}

/** What `funnel` takes: `true`, or the target and whether to allow for overdispersion. */
export type Funnel = boolean | { target?: number | null; overdispersion?: boolean | null };

/** A group's place in the funnel: its z-score, the 95 % and 99.8 % limits and flags. */
export interface FunnelRow {
  z: number | null;
  lower_95: number;
  upper_95: number;
  lower_998: number;
  upper_998: number;
  warning: "high" | "low" | null;
  flag: "high" | "low" | null;
}

/** The funnel of a grouped result. */
export interface FunnelSummary {
  target: number | null;
  tau2: number;
  phi: number | null;
}

/** A group's difference to the other side (SPEC 11), on the metric's own scale. */
export interface Comparison {
  /** The other side's label; null against the pooled rest. */
  against: GroupLabel | null;
  diff: number;
  se: number;
  ci_low: number;
  ci_high: number;
  /** null when the standard error is 0 (no test). */
  z: number | null;
  p_value: number | null;
  p_adjusted: number | null;
  significant: boolean;
}

/** What each group is compared with. */
export type Compare = "first" | "previous" | "rest" | { group: GroupLabel };

interface ResponsesInput {
  /** One response per respondent. */
  responses: NumberColumn;
  /**
   * `"error"`: the first invalid response fails; `"skip"`: drop and count them.
   * @default "error"
   */
  invalid?: "error" | "skip" | null;
  /** A group label per response. */
  groups?: GroupColumn | null;
  /** Each response's design weight, >= 0 (SPEC 10). */
  weights?: NumberColumn | null;
  /** How many responses each row stands for (a tally). */
  counts?: NumberColumn | null;
  /** With counts and weights: each row's sum of squared weights. */
  weights_sq?: NumberColumn | null;
  /** Grouped only: compare each group with the first, the previous, the rest or a named group. */
  compare?: Compare | null;
  /**
   * With compare: the p-value adjustment.
   * @default "holm"
   */
  adjust?: "holm" | "bh" | "none" | null;
  /** Grouped only: funnel limits around a common target (SPEC 12.2). */
  funnel?: Funnel | null;
}

/** Input of `nps()`: responses 0 to 10. */
export interface NpsInput extends ResponsesInput {
  /**
   * The interval's method.
   * @default "adjusted_wald"
   */
  method?: "adjusted_wald" | "wald" | null;
  /**
   * Strictly between 0 and 1.
   * @default 0.95
   */
  confidence?: number | null;
}

/** Net Promoter Score, on -100..100. */
export interface NpsResult {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Kish's effective sample size (n without weights). */
  n_eff: number;
  score: number;
  se: number;
  ci_low: number;
  ci_high: number;
  method: "adjusted_wald" | "wald";
  confidence: number;
  skipped: number;
}

/** Input of `csat()`: responses 1 to `scale`. */
export interface CsatInput extends ResponsesInput {
  /**
   * Integer >= 2.
   * @default 5
   */
  scale?: number | null;
  /**
   * How many top boxes count as satisfied.
   * @default 2
   */
  top?: number | null;
  /**
   * Of the Wilson interval, strictly between 0 and 1.
   * @default 0.95
   */
  confidence?: number | null;
}

/** Customer satisfaction, on 0..100, with a Wilson interval. */
export interface CsatResult {
  n: number;
  n_eff: number;
  satisfied: number;
  score: number;
  ci_low: number;
  ci_high: number;
  confidence: number;
  skipped: number;
}

/** Input of `ces()`: responses 1 to `scale`, higher = easier. */
export interface CesInput extends ResponsesInput {
  /**
   * Integer >= 2.
   * @default 7
   */
  scale?: number | null;
  /**
   * Of the mean's interval, strictly between 0 and 1.
   * @default 0.95
   */
  confidence?: number | null;
}

/** Customer effort score. */
export interface CesResult {
  n: number;
  n_eff: number;
  mean: number;
  /** Percentages. */
  agree: number;
  disagree: number;
  net: number;
  /** The standard error of the mean, and its interval on 1..scale. */
  se: number;
  ci_low: number;
  ci_high: number;
  confidence: number;
  skipped: number;
}

/** A respondents x items matrix; null (or NaN) = not answered. */
export type Matrix = readonly (NumberColumn | readonly (number | null)[])[];

/** Input of `servqual()`. */
export interface ServqualInput {
  expectations: Matrix;
  perceptions: Matrix;
  /** Dimension name to 0-based item indices (default: the 22-item SERVQUAL map). */
  dimensions?: { [dimension: string]: readonly number[] } | null;
  weights?: { [dimension: string]: number } | null;
  /**
   * A respondent whose gap is within ±tolerance is satisfied (below: dissatisfied,
   * above: delighted).
   * @default 0
   */
  tolerance?: number | null;
}

/** SERVQUAL gaps (perception minus expectation). */
export interface ServqualResult {
  respondents: number;
  items: { item: number; gap: number | null }[];
  dimensions: { dimension: string; gap: number | null }[];
  gap: number;
  weighted_gap: number | null;
  dissatisfied: number;
  satisfied: number;
  delighted: number;
  delight_rate: number;
}

/** A Kano answer: 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike; null = skipped. */
export type KanoAnswer = 1 | 2 | 3 | 4 | 5 | null;

/** Input of `kano()`: respondents x attributes (a flat list is one attribute). */
export interface KanoInput {
  functional: readonly KanoAnswer[] | readonly (readonly KanoAnswer[])[] | TypedNumberArray;
  dysfunctional: readonly KanoAnswer[] | readonly (readonly KanoAnswer[])[] | TypedNumberArray;
  attributes?: readonly string[] | null;
}

/** A Kano category: attractive, one-dimensional, must-be, indifferent, reverse, questionable. */
export type KanoCategory = "A" | "O" | "M" | "I" | "R" | "Q";

/** Kano counts per category. */
export interface KanoCounts {
  A: number;
  O: number;
  M: number;
  I: number;
  R: number;
  Q: number;
}

/** One attribute, classified. */
export interface KanoAttribute {
  /** The given name, or the 0-based index without `attributes`. */
  attribute: string | number;
  n: number;
  counts: KanoCounts;
  category: KanoCategory;
  better: number | null;
  worse: number | null;
  total_strength: number;
  category_strength: number;
  significant: boolean;
}

/** Kano classification. */
export interface KanoResult {
  attributes: KanoAttribute[];
}

/* --------------------------------------------------------------- functions */

/** What `init()` accepts: where the `.wasm` is, its bytes, or a compiled module. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module. Browser entry: call (and await) once before anything
 * else. Node entry: already loaded; resolves at once.
 */
export declare function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/**
 * Loads the WebAssembly module synchronously from its bytes or a compiled module (for
 * workers). Node entry: already loaded; does nothing.
 */
export declare function initSync(input: BufferSource | WebAssembly.Module): void;

/**
 * Loads the report renderer's WebAssembly module (`servex_wasm_render_bg.wasm`, kept
 * apart so that programs that never draw never load it). Browser entry: call (and
 * await) once before `renderHtml` or `renderSvg`. Node entry: the renderer loads on
 * first use; this loads it now.
 */
export declare function initRender(input?: InitInput | Promise<InitInput>): Promise<void>;

/**
 * Loads the report renderer's module synchronously from its bytes or a compiled module
 * (for workers). Node entry: loads it now.
 */
export declare function initRenderSync(input: BufferSource | WebAssembly.Module): void;

/** Scores a scorecard document (an object or its JSON text). Throws `ServexError`. */
export declare function score(document: ScorecardDocument | string): Report;

/**
 * The sample organisation, Acme Home Care (a fictional home-care provider): the core's
 * sample document, the one `servex demo` and Python's `servex.sample()` score. A fresh
 * object at each call, to edit freely; needs no `init()`.
 */
export declare function sample(): ScorecardDocument;

/** One unit of `scoreUnits`' input: its values and history by indicator id. */
export interface UnitInput {
  id: string;
  title?: string | null;
  values?: { [indicator: string]: number | null } | null;
  history?: { [indicator: string]: HistoryPoint[] } | null;
  meta?: unknown;
}

/** Input of `scoreUnits`: a template scorecard and the units scored on it. */
export interface UnitsInput {
  servex?: 1 | null;
  scorecard: ScorecardDocument;
  units: UnitInput[];
}

/** One unit's figures, as `score` gives them for its document, and its rank. */
export interface UnitRow
  extends Pick<Report, "score" | "model_score" | "status" | "coverage" | "level_attained" | "outcome" | "focus_level"> {
  id: string;
  /** The unit's own title (not the template's). */
  title: string | null;
  rank: number | null;
  perspectives: { [id: string]: number | null };
  dimensions: { [id: string]: number | null };
  elements: { [id: string]: number | null };
  meta: unknown;
}

/** The result of `scoreUnits` (SPEC 12.1). */
export interface UnitsResult {
  servex: 1;
  framework: string;
  units: UnitRow[];
  summary: {
    units: number;
    scored: number;
    score: {
      mean: number | null;
      min: number | null;
      q1: number | null;
      median: number | null;
      q3: number | null;
      max: number | null;
    };
    levels: number[];
  };
  indicators: {
    id: string;
    values: number;
    missing: number;
    green: number;
    amber: number;
    red: number;
    mean_progress: number | null;
  }[];
}

/** Scores many units (branches, sites, teams) on one template scorecard (SPEC 12.1). */
export declare function scoreUnits(input: UnitsInput | string): UnitsResult;

/** The framework named by `{framework}` (the built-in ISO 23592 by default), defaults filled in. */
export declare function catalogue(input?: CatalogueInput): Framework;

/** Net Promoter Score of 0..10 responses. */
export declare function nps(input: NpsInput & { groups: GroupColumn }): Grouped<NpsResult>;
export declare function nps(input: NpsInput): NpsResult;

/** Top-box customer satisfaction. */
export declare function csat(input: CsatInput & { groups: GroupColumn }): Grouped<CsatResult>;
export declare function csat(input: CsatInput): CsatResult;

/** Customer effort score. */
export declare function ces(input: CesInput & { groups: GroupColumn }): Grouped<CesResult>;
export declare function ces(input: CesInput): CesResult;

/** SERVQUAL gaps between expectations and perceptions. */
export declare function servqual(input: ServqualInput): ServqualResult;

/** Kano classification of attributes. */
export declare function kano(input: KanoInput): KanoResult;

/** A chart `renderSvg` draws. */
export type Chart = "radar" | "pyramid" | "perspectives";

/**
 * The self-contained HTML report of a scored document (inline CSS and SVG charts, no
 * external assets): the same bytes as `servex report` and Python's `Report.to_html()`.
 * Pass the document to draw each indicator's trend sparkline. Browser entry: after
 * `initRender()`.
 */
export declare function renderHtml(report: Report, document?: ScorecardDocument): string;

/** One chart of a report as an SVG document. Browser entry: after `initRender()`. */
export declare function renderSvg(report: Report, chart: Chart): string;

/**
 * The forest plot (SVG) of a grouped `nps`, `csat` or `ces` result called with
 * `compare`: each group's difference and interval, significant rows marked. Browser
 * entry: after `initRender()`.
 */
export declare function renderComparison(result: Grouped<NpsResult | CsatResult | CesResult>): string;

/**
 * The funnel plot (SVG) of a grouped `nps`, `csat` or `ces` result called with
 * `funnel`: each group against the target and its 95 % and 99.8 % limits. Browser
 * entry: after `initRender()`.
 */
export declare function renderFunnel(result: Grouped<NpsResult | CsatResult | CesResult>): string;

/**
 * The units overview (SVG) of a `scoreUnits` result: a histogram of the units' scores
 * under their quartiles, the lowest and highest units named, and units per pyramid
 * level. Browser entry: after `initRender()`.
 */
export declare function renderUnits(result: UnitsResult): string;

/**
 * The HTML report of a `scoreUnits` result: the overview, the units by rank and each
 * indicator's statuses across the units, one self-contained page. Browser entry: after
 * `initRender()`.
 */
export declare function renderUnitsHtml(result: UnitsResult): string;

/** The version of the servex core inside the module. */
export declare function version(): string;
