// Type declarations of the npm package `servex`. The documents and results (below the
// marker line near the end) are generated from the JSON Schemas of docs/schema by
// `npm run types`; the rest is written by hand: the error class, the metrics' inputs
// (which also take typed arrays), the generic `Grouped<R>` and the functions.

/* ------------------------------------------------------------------ errors */

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

/* ----------------------------------------------------------------- metrics */

/** Results per group, in order of first appearance; groups with no valid response are left out. */
export interface Grouped<R> {
  /** `comparison` is present only when the call had `compare`, `funnel` only with `funnel`. */
  groups: (R & { group: GroupLabel; comparison?: Comparison | null; funnel?: FunnelRow })[];
  /** With `funnel`: the common target, tau^2 and phi (SPEC 12.2). */
  funnel?: FunnelSummary;
}

/** What `funnel` takes: `true`, or the target and whether to allow for overdispersion. */
export type Funnel = boolean | { target?: number | null; overdispersion?: boolean | null };

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

/** A Kano answer: 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike; null = skipped. */
export type KanoAnswer = 1 | 2 | 3 | 4 | 5 | null;

/** Input of `kano()`: respondents x attributes (a flat list is one attribute). */
export interface KanoInput {
  functional: readonly KanoAnswer[] | readonly (readonly KanoAnswer[])[] | TypedNumberArray;
  dysfunctional: readonly KanoAnswer[] | readonly (readonly KanoAnswer[])[] | TypedNumberArray;
  attributes?: readonly string[] | null;
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

// ---- generated from docs/schema by `npm run types` (types.mjs): do not edit below ----

/** One balanced scorecard: indicators, their perspectives and the scoring options. */
export interface ScorecardDocument {
  /**
   * Format version; 1 when present (written `1` or `1.0`: a number with no
   * fractional part is that integer, SPEC 8).
   */
  servex?: 1 | null;
  /** The model scored against; the built-in ISO 23592 framework when absent. */
  framework?: string | FrameworkInput | null;
  /** Display name of the scorecard, returned in the report. */
  title?: string | null;
  /** The perspectives and their weights; the framework's, weight 1 each, when absent. */
  perspectives?: PerspectiveWeight[] | null;
  /** Rating scales added to (or replacing) the built-ins, by name. */
  scales?: { [key: string]: Scale } | null;
  /** The indicators, in document order. */
  indicators: Indicator[];
  /** Scoring options. */
  options?: Options | null;
}

/** What a missing value does to the rollups. */
export type Missing = "exclude" | "zero" | "error";

/** A whole model: ISO 23592 by default, or an organisation's own of the same shape. */
export interface FrameworkInput {
  /** Stable id, e.g. `iso23592:2021`. */
  id: string;
  /** Display name. */
  title?: string | null;
  /** Provenance and caveats of the model's data. */
  note?: string | null;
  /** The principles indicators may be tagged with. */
  principles?: PrincipleInput[];
  /** Dimensions, each grouping elements. */
  dimensions?: DimensionInput[];
  /** The pyramid: exactly four levels, 1 to 4 in order. */
  levels: LevelInput[];
  /** The balanced-scorecard perspectives the dimensions map to. */
  perspectives?: PerspectiveInput[];
}

/** A guiding principle (ISO 23592 clause 5). */
export interface PrincipleInput {
  /** Stable id, e.g. `P1`. */
  id: string;
  /** Display name. */
  title?: string | null;
  /** One-sentence paraphrase. */
  summary?: string | null;
}

/** A dimension of the model, scored from its elements. */
export interface DimensionInput {
  /** Stable id, e.g. `7.1`. */
  id: string;
  /** Display name. */
  title?: string | null;
  /** The perspective an element's indicators fall under when they name none. */
  perspective?: string | null;
  /** Weight in `model_score`; 1 when absent. */
  weight?: number | null;
  /** The elements of this dimension. */
  elements: ElementInput[];
  /** One-sentence paraphrase. */
  summary?: string | null;
}

/** An element of the model, scored from the indicators that name it. */
export interface ElementInput {
  /** Stable id, e.g. `7.3.1`. */
  id: string;
  /** Display name. */
  title?: string | null;
  /** Weight within its dimension; 1 when absent. */
  weight?: number | null;
  /** Pyramid levels its indicators evidence by default. */
  levels?: number[] | null;
  /** One-sentence paraphrase. */
  summary?: string | null;
}

/** Whether a pyramid level leads to satisfaction or to delight. */
export type LevelOutcome = "satisfaction" | "delight";

/** One level of the service excellence pyramid. */
export interface LevelInput {
  /** 1 to 4, bottom to top. */
  level: number;
  /** Stable id, e.g. `core_service_proposition`. */
  id: string;
  /** Display name. */
  title?: string | null;
  /** What meeting this level brings the customer. */
  outcome: LevelOutcome;
  /** One-sentence paraphrase. */
  summary?: string | null;
}

/** A perspective of this scorecard with its weight. */
export interface PerspectiveWeight {
  /** The perspective id; may be one the framework does not have. */
  id: string;
  /** Display name; the framework perspective's title when absent. */
  title?: string | null;
  /** Weight in the scorecard score; 1 when absent. */
  weight?: number | null;
}

/** A rating scale (SPEC 3). */
export interface Scale {
  /** Lowest rating, scored as the baseline. */
  min: number;
  /** Highest rating, scored as the target. */
  max: number;
  /** The only ratings allowed, when given. */
  values?: number[] | null;
  /** Names of ratings for display, keyed by the rating's JSON number text. */
  labels?: { [key: string]: string } | null;
}

/** One indicator: a measure (baseline and target) or a rating (on a scale). */
export interface Indicator {
  /** Unique id, 1 to 256 code points. */
  id: string;
  /** Display name, returned verbatim. */
  title?: string | null;
  /** The framework element it evidences. */
  element?: string | null;
  /** Its perspective; its element's dimension's perspective when absent. */
  perspective?: string | null;
  /** Pyramid levels it evidences; its element's when absent. */
  levels?: number[] | null;
  /** Principle ids it evidences. */
  principles?: string[] | null;
  /** Weight within every group it belongs to; 1 when absent. */
  weight?: number | null;
  /** The current value; null when missing. */
  value?: number | null;
  /** Where the measure started (a measure has baseline and target). */
  baseline?: Bound | null;
  /** Where the measure should be. */
  target?: Bound | null;
  /** The rating scale (a rating has a scale instead of baseline and target). */
  scale?: string | null;
  /** Earlier periods, oldest first. */
  history?: HistoryPoint[] | null;
  /** Status thresholds overriding the options', field by field. */
  thresholds?: Thresholds | null;
  /** Unit of the value, returned verbatim. */
  unit?: string | null;
  /** Where the value comes from, returned verbatim. */
  evidence?: string | null;
  /** Anything else the user keeps with the indicator, returned verbatim. */
  meta?: unknown;
}

/** A baseline or target: one number, or a `[low, high]` range. */
export type Bound = number | [number, number];

/** One earlier period of an indicator. */
export interface HistoryPoint {
  /** The period's name, e.g. `2026-Q2`. */
  period: string;
  /** The value then; null when it was not measured. */
  value?: number | null;
}

/** Status thresholds on progress; either field may be left to the options' default. */
export interface Thresholds {
  /** Progress at or above which the status is green. */
  green?: number | null;
  /** Progress at or above which the status is amber. */
  amber?: number | null;
}

/** Scoring options (SPEC 2); every field has a default. */
export interface Options {
  /** How missing values are treated; `exclude` by default. */
  missing?: Missing | null;
  /** Whether progress is clamped to [0, 1]; true by default. */
  clamp?: boolean | null;
  /** Default status thresholds; green 1.0 and amber 0.5 by default. */
  thresholds?: Thresholds | null;
  /** The score each pyramid level needs to be met; 0.75 each by default. */
  level_thresholds?: [number, number, number, number] | null;
  /** Element weights overriding the framework's, by element id. */
  element_weights?: { [key: string]: number } | null;
  /** Dimension weights overriding the framework's, by dimension id. */
  dimension_weights?: { [key: string]: number } | null;
  /** The slope below which a trend is `stable`; 0.01 by default. */
  trend_tolerance?: number | null;
}

/** A balanced-scorecard perspective. */
export interface PerspectiveInput {
  /** Stable id, e.g. `service`. */
  id: string;
  /** Display name. */
  title?: string | null;
  /** The question the perspective answers. */
  question?: string | null;
}

/** The input of `catalogue` (SPEC 9). */
export interface CatalogueInput {
  /** A built-in framework id (default `iso23592:2021`) or a whole framework. */
  framework?: string | FrameworkInput | null;
}

/** The input of `score_units` (SPEC 12.1): a template scorecard and the units scored on it. */
export interface UnitsInput {
  /** Format version; 1 when present. */
  servex?: 1 | null;
  /** The template: a scorecard document whose indicators' values and history are not used. */
  scorecard: Template;
  /** The units, in order. */
  units: UnitInput[];
}

/** One unit of `score_units`' input. */
export interface UnitInput {
  /** Unique id, 1 to 256 code points. */
  id: string;
  /** Display name, returned verbatim. */
  title?: string | null;
  /** Indicator id to the unit's value (null or absent: missing). */
  values?: { [key: string]: number | null } | null;
  /** Indicator id to the unit's earlier periods, oldest first. */
  history?: { [key: string]: HistoryPoint[] } | null;
  /** Anything else kept with the unit, returned verbatim. */
  meta?: unknown;
}

/** One indicator: a measure (baseline and target) or a rating (on a scale). */
export interface TemplateIndicator {
  /** Unique id, 1 to 256 code points. */
  id: string;
  /** Display name, returned verbatim. */
  title?: string | null;
  /** The framework element it evidences. */
  element?: string | null;
  /** Its perspective; its element's dimension's perspective when absent. */
  perspective?: string | null;
  /** Pyramid levels it evidences; its element's when absent. */
  levels?: number[] | null;
  /** Principle ids it evidences. */
  principles?: string[] | null;
  /** Weight within every group it belongs to; 1 when absent. */
  weight?: number | null;
  /** Neither used nor checked in a template. */
  value?: unknown;
  /** Where the measure started (a measure has baseline and target). */
  baseline?: Bound | null;
  /** Where the measure should be. */
  target?: Bound | null;
  /** The rating scale (a rating has a scale instead of baseline and target). */
  scale?: string | null;
  /** Neither used nor checked in a template. */
  history?: unknown;
  /** Status thresholds overriding the options', field by field. */
  thresholds?: Thresholds | null;
  /** Unit of the value, returned verbatim. */
  unit?: string | null;
  /** Where the value comes from, returned verbatim. */
  evidence?: string | null;
  /** Anything else the user keeps with the indicator, returned verbatim. */
  meta?: unknown;
}

/** A scorecard document as a template: its indicators' values and history are neither used nor checked. */
export interface Template {
  /**
   * Format version; 1 when present (written `1` or `1.0`: a number with no
   * fractional part is that integer, SPEC 8).
   */
  servex?: 1 | null;
  /** The model scored against; the built-in ISO 23592 framework when absent. */
  framework?: string | FrameworkInput | null;
  /** Display name of the scorecard, returned in the report. */
  title?: string | null;
  /** The perspectives and their weights; the framework's, weight 1 each, when absent. */
  perspectives?: PerspectiveWeight[] | null;
  /** Rating scales added to (or replacing) the built-ins, by name. */
  scales?: { [key: string]: Scale } | null;
  /** The indicators, in document order. */
  indicators: TemplateIndicator[];
  /** Scoring options. */
  options?: Options | null;
}

/** The scored scorecard (SPEC 6): the output of `score`. */
export interface Report {
  /** Format version, 1. */
  servex: 1;
  /** Id of the framework scored against. */
  framework: string;
  /** The document's title. */
  title: string | null;
  /** Weighted mean of the perspective scores: the headline. */
  score: number | null;
  /** Weighted mean of the dimension scores: the ISO 23592 model's view. */
  model_score: number | null;
  /** Status of `score`. */
  status: Status;
  /** Weight share of indicators that have a value. */
  coverage: number | null;
  /** The highest level L such that levels 1..L are all met, else 0. */
  level_attained: number;
  /** Satisfaction, delight, or below satisfaction. */
  outcome: ReportOutcome;
  /** The next level to work on; null once level 4 is attained. */
  focus_level: number | null;
  /** The balanced-scorecard view. */
  perspectives: PerspectiveRow[];
  /** The dimension view. */
  dimensions: DimensionRow[];
  /** The element view. */
  elements: ElementRow[];
  /** The pyramid view. */
  levels: LevelRow[];
  /** The principle view. */
  principles: PrincipleRow[];
  /** Every indicator, scored, in document order. */
  indicators: IndicatorRow[];
  /** Elements by how much closing their gap would raise `model_score`. */
  gaps: GapRow[];
  /** Indicators by how much reaching their target would raise `score`. */
  priorities: PriorityRow[];
}

/** Red, amber or green from progress against thresholds; `missing` without a value. */
export type Status = "green" | "amber" | "red" | "missing";

/** Where the organisation stands on the pyramid, overall. */
export type ReportOutcome = "below_satisfaction" | "satisfaction" | "delight";

/** One perspective, scored. */
export interface PerspectiveRow {
  /** Perspective id. */
  id: string;
  /** Display name. */
  title: string | null;
  /** Weight in `score`. */
  weight: number;
  /** Weighted mean progress of its indicators. */
  score: number | null;
  /** Status of `score`. */
  status: Status;
  /** Weight share of its indicators with a value. */
  coverage: number | null;
  /** How many indicators it has. */
  indicators: number;
}

/** One dimension, scored from its elements. */
export interface DimensionRow {
  /** Dimension id. */
  id: string;
  /** Display name. */
  title: string | null;
  /** Weight in `model_score`. */
  weight: number;
  /** Weighted mean of its element scores. */
  score: number | null;
  /** Status of `score`. */
  status: Status;
  /** Weight share of its elements' indicators with a value. */
  coverage: number | null;
  /** Its element ids. */
  elements: string[];
}

/** One element, scored from its indicators. */
export interface ElementRow {
  /** Element id. */
  id: string;
  /** Display name. */
  title: string | null;
  /** Its dimension's id. */
  dimension: string;
  /** Weight within its dimension. */
  weight: number;
  /** Weighted mean progress of its indicators. */
  score: number | null;
  /** Status of `score`. */
  status: Status;
  /** Weight share of its indicators with a value. */
  coverage: number | null;
  /** The pyramid levels it evidences by default. */
  levels: number[];
}

/** One level of the pyramid, scored. */
export interface LevelRow {
  /** 1 to 4. */
  level: number;
  /** Level id. */
  id: string;
  /** Display name. */
  title: string | null;
  /** Satisfaction or delight. */
  outcome: LevelOutcome;
  /** Weighted mean progress of the indicators evidencing it. */
  score: number | null;
  /** The score it needs. */
  threshold: number;
  /** Whether `score` reaches `threshold`. */
  met: boolean;
  /** How many indicators evidence it. */
  indicators: number;
}

/** One principle, scored. */
export interface PrincipleRow {
  /** Principle id. */
  id: string;
  /** Display name. */
  title: string | null;
  /** Weighted mean progress of the indicators tagged with it. */
  score: number | null;
  /** Weight share of those indicators with a value. */
  coverage: number | null;
  /** How many indicators are tagged with it. */
  indicators: number;
}

/** One indicator, scored, with what the user wrote kept verbatim. */
export interface IndicatorRow {
  /** Indicator id. */
  id: string;
  /** Display name, verbatim. */
  title: string | null;
  /** Resolved perspective id. */
  perspective: string;
  /** Element id, if any. */
  element: string | null;
  /** Resolved pyramid levels. */
  levels: number[];
  /** Principle ids. */
  principles: string[];
  /** Its weight. */
  weight: number;
  /** The current value. */
  value: number | null;
  /** Which way is better. */
  direction: Direction;
  /** Unclamped share of the way from baseline to target. */
  achievement: number | null;
  /** Achievement as used in rollups (clamped to [0, 1] by default). */
  progress: number | null;
  /** Status of `progress`. */
  status: Status;
  /** Trend over the history, with at least two measured periods. */
  trend: Trend | null;
  /** Unit, verbatim. */
  unit: string | null;
  /** Evidence, verbatim. */
  evidence: string | null;
  /** Meta, verbatim. */
  meta: Json;
}

/** Which way an indicator's value improves. */
export type Direction = "increase" | "decrease" | "range";

/** The trend of an indicator with at least two measured periods. */
export interface Trend {
  /** Last progress minus the one before it. */
  delta: number;
  /** Least-squares slope of progress per period. */
  slope: number;
  /** The slope read against `options.trend_tolerance`. */
  direction: TrendDirection;
}

/** How the progress of an indicator has moved over its history. */
export type TrendDirection = "improving" | "stable" | "declining";

/** An element's gap and what closing it is worth. */
export interface GapRow {
  /** Element id. */
  element: string;
  /** The element's score. */
  score: number;
  /** 1 - score. */
  gap: number;
  /** How much `model_score` would rise if the element reached 1. */
  impact: number;
}

/** An indicator and what reaching its target is worth. */
export interface PriorityRow {
  /** Indicator id. */
  indicator: string;
  /** Progress used (0 for a missing value under `missing: zero`). */
  progress: number;
  /** How much `score` would rise if it reached its target. */
  impact: number;
}

/** A whole model: ISO 23592 by default, or an organisation's own of the same shape. */
export interface Framework {
  /** Stable id, e.g. `iso23592:2021`. */
  id: string;
  /** Display name. */
  title?: string;
  /** Provenance and caveats of the model's data. */
  note?: string;
  /** The principles indicators may be tagged with. */
  principles: Principle[];
  /** Dimensions, each grouping elements. */
  dimensions: Dimension[];
  /** The pyramid: exactly four levels, 1 to 4 in order. */
  levels: Level[];
  /** The balanced-scorecard perspectives the dimensions map to. */
  perspectives: Perspective[];
}

/** A guiding principle (ISO 23592 clause 5). */
export interface Principle {
  /** Stable id, e.g. `P1`. */
  id: string;
  /** Display name. */
  title?: string;
  /** One-sentence paraphrase. */
  summary?: string;
}

/** A dimension of the model, scored from its elements. */
export interface Dimension {
  /** Stable id, e.g. `7.1`. */
  id: string;
  /** Display name. */
  title?: string;
  /** The perspective an element's indicators fall under when they name none. */
  perspective?: string;
  /** Weight in `model_score`; 1 when absent. */
  weight: number;
  /** The elements of this dimension. */
  elements: Element[];
  /** One-sentence paraphrase. */
  summary?: string;
}

/** An element of the model, scored from the indicators that name it. */
export interface Element {
  /** Stable id, e.g. `7.3.1`. */
  id: string;
  /** Display name. */
  title?: string;
  /** Weight within its dimension; 1 when absent. */
  weight: number;
  /** Pyramid levels its indicators evidence by default. */
  levels: number[];
  /** One-sentence paraphrase. */
  summary?: string;
}

/** One level of the service excellence pyramid. */
export interface Level {
  /** 1 to 4, bottom to top. */
  level: number;
  /** Stable id, e.g. `core_service_proposition`. */
  id: string;
  /** Display name. */
  title?: string;
  /** What meeting this level brings the customer. */
  outcome: LevelOutcome;
  /** One-sentence paraphrase. */
  summary?: string;
}

/** A balanced-scorecard perspective. */
export interface Perspective {
  /** Stable id, e.g. `service`. */
  id: string;
  /** Display name. */
  title?: string;
  /** The question the perspective answers. */
  question?: string;
}

/** The result of `score_units` (SPEC 12.1). */
export interface UnitsResult {
  /** Format version, 1. */
  servex: 1;
  /** Id of the framework scored against. */
  framework: string;
  /** Every unit, in input order. */
  units: UnitRow[];
  /** The units' scores summarised. */
  summary: UnitsSummary;
  /** One row per template indicator, in order: its statuses across the units. */
  indicators: IndicatorCounts[];
}

/** One unit's figures, as `score` gives them for its document, and its rank. */
export interface UnitRow {
  /** The unit's id. */
  id: string;
  /** The unit's own title (not the template's). */
  title: string | null;
  /** Weighted mean of the perspective scores. */
  score: number | null;
  /** Weighted mean of the dimension scores. */
  model_score: number | null;
  /** Status of `score`. */
  status: Status;
  /** Weight share of indicators that have a value. */
  coverage: number | null;
  /** The highest level L such that levels 1..L are all met, else 0. */
  level_attained: number;
  /** Satisfaction, delight, or below satisfaction. */
  outcome: ReportOutcome;
  /** The next level to work on; null once level 4 is attained. */
  focus_level: number | null;
  /** 1 for the best score; equal scores share a rank; null without a score. */
  rank: number | null;
  /** Each perspective's score, by id. */
  perspectives: { [key: string]: number | null };
  /** Each dimension's score, by id. */
  dimensions: { [key: string]: number | null };
  /** Each element's score, by id. */
  elements: { [key: string]: number | null };
  /** The unit's meta, verbatim. */
  meta: Json;
}

/** The units' scores summarised. */
export interface UnitsSummary {
  /** How many units there are. */
  units: number;
  /** How many have a score. */
  scored: number;
  /** The scores' mean and quartiles. */
  score: ScoreSummary;
  /** How many units attained each pyramid level, 0 to 4. */
  levels: [number, number, number, number, number];
}

/** The mean and quartiles of the units' scores; all null when no unit has a score. */
export interface ScoreSummary {
  /** Their mean. */
  mean: number | null;
  /** The lowest. */
  min: number | null;
  /** The first quartile. */
  q1: number | null;
  /** The median. */
  median: number | null;
  /** The third quartile. */
  q3: number | null;
  /** The highest. */
  max: number | null;
}

/** One template indicator across the units. */
export interface IndicatorCounts {
  /** The indicator's id. */
  id: string;
  /** Units with a value. */
  values: number;
  /** Units without one. */
  missing: number;
  /** Units where it is green. */
  green: number;
  /** Units where it is amber. */
  amber: number;
  /** Units where it is red. */
  red: number;
  /** The mean progress over the units with a value; null when none has one. */
  mean_progress: number | null;
}

/** The Net Promoter Score of a set of 0..10 responses. */
export interface NpsResult {
  /** The number of valid responses. */
  n: number;
  /** Responses of 9 or 10. */
  promoters: number;
  /** Responses of 7 or 8. */
  passives: number;
  /** Responses of 0 to 6. */
  detractors: number;
  /** The effective sample size W^2 / Q (n without weights). */
  n_eff: number;
  /** 100 (promoters - detractors) / n, weighted, on -100..100. */
  score: number;
  /** The standard error of the method used, x100. */
  se: number;
  /** The lower end of the interval, x100, clamped to -100. */
  ci_low: number;
  /** The upper end of the interval, x100, clamped to 100. */
  ci_high: number;
  /** The interval method used. */
  method: NpsMethod;
  /** The confidence level of the interval. */
  confidence: number;
  /** Invalid responses dropped under `invalid: "skip"`. */
  skipped: number;
}

/** How the NPS confidence interval is computed. */
export type NpsMethod = "wald" | "adjusted_wald";

/**
 * The label of a group: an integer or a string (`1` and `"1"` are different groups).
 * Serialised as a plain JSON integer or string.
 */
export type GroupLabel = number | string;

/** A group's place in the funnel. */
export interface FunnelRow {
  /** (score - target) / spread; null when the spread is 0. */
  z: number | null;
  /** The 95 % limits around the target. */
  lower_95: number;
  /** See `lower_95`. */
  upper_95: number;
  /** The 99.8 % limits around the target. */
  lower_998: number;
  /** See `lower_998`. */
  upper_998: number;
  /** `"high"` or `"low"` outside the 95 % limits. */
  warning: "high" | "low" | null;
  /** `"high"` or `"low"` outside the 99.8 % limits. */
  flag: "high" | "low" | null;
}

/** A group's difference to the other side, on the metric's own scale. */
export interface Comparison {
  /** The other side's label (null against the pooled rest). */
  against: GroupLabel | null;
  /** This group's score (CES: mean) minus the other side's. */
  diff: number;
  /** The standard error of the difference. */
  se: number;
  /** The lower end of the difference's interval. */
  ci_low: number;
  /** The upper end of the difference's interval. */
  ci_high: number;
  /** The test statistic; null when the standard error is 0. */
  z: number | null;
  /** The two-sided p-value; null when the standard error is 0. */
  p_value: number | null;
  /** The adjusted p-value; null when the standard error is 0. */
  p_adjusted: number | null;
  /** Whether the adjusted p-value is below 1 - confidence. */
  significant: boolean;
}

/** The funnel of a grouped result: its target, tau^2 and phi. */
export interface FunnelSummary {
  /** The target the groups are set against (null with no group and no target). */
  target: number | null;
  /** The between-group variance added to each group's (0 without overdispersion). */
  tau2: number;
  /** The dispersion ratio (null without overdispersion or with no z). */
  phi: number | null;
}

/** The CSAT score of a set of 1..scale responses. */
export interface CsatResult {
  /** The number of valid responses. */
  n: number;
  /** The effective sample size W^2 / Q (n without weights). */
  n_eff: number;
  /** Responses above scale - top. */
  satisfied: number;
  /** 100 x the (weighted) share satisfied. */
  score: number;
  /** The lower end of the Wilson interval, x100. */
  ci_low: number;
  /** The upper end of the Wilson interval, x100. */
  ci_high: number;
  /** The confidence level of the interval. */
  confidence: number;
  /** Invalid responses dropped under `invalid: "skip"`. */
  skipped: number;
}

/** The customer effort score of a set of 1..scale responses. */
export interface CesResult {
  /** The number of valid responses. */
  n: number;
  /** The effective sample size W^2 / Q (n without weights). */
  n_eff: number;
  /** The (weighted) mean response. */
  mean: number;
  /** The percentage of responses above the midpoint (scale + 1) / 2. */
  agree: number;
  /** The percentage of responses below the midpoint. */
  disagree: number;
  /** agree - disagree, in percentage points. */
  net: number;
  /** The standard error of the mean. */
  se: number;
  /** The lower end of the mean's interval, clamped to 1. */
  ci_low: number;
  /** The upper end of the mean's interval, clamped to the scale. */
  ci_high: number;
  /** The confidence level of the interval. */
  confidence: number;
  /** Invalid responses dropped under `invalid: "skip"`. */
  skipped: number;
}

/** The result of `servqual`. */
export interface ServqualResult {
  /** Respondents with at least one answered pair. */
  respondents: number;
  /** Every item's gap, in column order. */
  items: ItemGap[];
  /** Every dimension's gap, in the given order. */
  dimensions: DimensionGap[];
  /** The mean of the dimension gaps that exist. */
  gap: number;
  /** The weighted mean of the dimension gaps that exist, when weights are given. */
  weighted_gap: number | null;
  /** The share of respondents whose gap is below -tolerance. */
  dissatisfied: number;
  /** The share of respondents whose gap is within +-tolerance. */
  satisfied: number;
  /** The share of respondents whose gap is above tolerance. */
  delighted: number;
  /** The same as `delighted`. */
  delight_rate: number;
}

/** The gap of one item. */
export interface ItemGap {
  /** The item's 0-based index. */
  item: number;
  /**
   * Mean perception minus mean expectation over the respondents who answered both;
   * null when nobody did.
   */
  gap: number | null;
}

/** The gap of one dimension. */
export interface DimensionGap {
  /** The dimension's name. */
  dimension: string;
  /** The mean of its items' gaps; null when none has one. */
  gap: number | null;
}

/** The result of `kano`. */
export interface KanoResult {
  /** One classification per attribute, in column order. */
  attributes: KanoAttribute[];
}

/** The classification of one attribute. */
export interface KanoAttribute {
  /** The attribute's name or index. */
  attribute: AttributeLabel;
  /** Respondents who answered both questions. */
  n: number;
  /** Respondents per category. */
  counts: KanoCounts;
  /** The largest count's category, ties broken M > O > A > I > R > Q. */
  category: KanoCategory;
  /** (A + O) / (A + O + M + I); null when that sum is 0. */
  better: number | null;
  /** -(O + M) / (A + O + M + I); null when that sum is 0. */
  worse: number | null;
  /** (A + O + M) / n. */
  total_strength: number;
  /** (largest - second largest count) / n. */
  category_strength: number;
  /** Whether the two largest counts differ significantly (at the 1.65 level). */
  significant: boolean;
}

/** An attribute's label: the given name, or its 0-based index (serialised untagged). */
export type AttributeLabel = string | number;

/** How many respondents fall in each category. */
export interface KanoCounts {
  /** Attractive. */
  A: number;
  /** One-dimensional. */
  O: number;
  /** Must-be. */
  M: number;
  /** Indifferent. */
  I: number;
  /** Reverse. */
  R: number;
  /** Questionable. */
  Q: number;
}

/** A Kano category. */
export type KanoCategory = "A" | "O" | "M" | "I" | "R" | "Q";

/** The stable error kinds of SPEC 8. */
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

// ---- end of the generated declarations ----
