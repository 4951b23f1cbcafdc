// The self-assessment page: the sample organisation, as the package ships it
// (`sample()`: the document `servex demo` and Python's `servex.sample()` score), in a
// form; every change rescores it with the servex WebAssembly package and shows the
// report. It needs only this folder and the built package beside it (../pkg).
import { catalogue, init, initRender, renderSvg, sample, score, version } from "../pkg/servex.js";

// The measured results the page lets you edit; the sample's other results are kept.
const EDITABLE = ["nps", "csat", "complaint-resolution", "felt-valued", "staff-turnover", "cost-to-serve"];
const MATURITY = ["Not in place", "Starting", "Developing", "Established", "Leading"];

const $ = (id) => document.getElementById(id);
const nameOf = (ind) => ind.title ?? ind.id.charAt(0).toUpperCase() + ind.id.slice(1).replaceAll("-", " ");
const pct = (x) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(1)} %`);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) node.append(c);
  return node;
};

function statusChip(status) {
  return el("span", { className: `chip ${status}`, textContent: status === "missing" ? "no data" : status });
}

function bar(label, value, status, extra = "") {
  const row = el("div", { className: "bar-row" });
  const fill = el("div", { className: `bar-fill ${status}` });
  fill.style.width = `${Math.max(0, Math.min(1, value ?? 0)) * 100}%`;
  row.append(
    el("div", { className: "bar-label", textContent: label }),
    el("div", { className: "bar" }, fill),
    el("div", { className: "bar-value", textContent: pct(value) }),
    extra ? el("div", { className: "bar-extra", textContent: extra }) : "",
  );
  return row;
}

function renderInputs(doc, framework, onChange) {
  // Each area lists the sample's maturity ratings of its element, one select each.
  const ratings = $("ratings");
  ratings.replaceChildren();
  for (const dim of framework.dimensions) {
    const box = el("fieldset", { className: "dimension" }, el("legend", { textContent: dim.title }));
    for (const element of dim.elements) {
      const area = el(
        "div",
        { className: "area", title: element.summary ?? "" },
        el("div", { className: "area-title", textContent: element.title }),
        el("small", { textContent: element.summary ?? "" }),
      );
      for (const ind of doc.indicators.filter((i) => i.element === element.id && i.scale === "maturity")) {
        const select = el("select", { id: `rate-${ind.id}` });
        select.dataset.indicator = ind.id;
        for (const [value, name] of MATURITY.entries()) {
          select.append(el("option", { value: String(value), textContent: `${value} · ${name}` }));
        }
        select.value = String(ind.value);
        select.addEventListener("change", () => {
          ind.value = Number(select.value);
          onChange();
        });
        area.append(
          el("div", { className: "rating" }, el("label", { htmlFor: select.id, textContent: nameOf(ind) }), select),
        );
      }
      box.append(area);
    }
    ratings.append(box);
  }

  const body = $("kpis").querySelector("tbody");
  body.replaceChildren();
  for (const id of EDITABLE) {
    const ind = doc.indicators.find((i) => i.id === id);
    if (!ind) continue;
    const input = el("input", { type: "number", step: "any", value: String(ind.value ?? ""), id: `kpi-${id}` });
    input.dataset.indicator = id;
    input.setAttribute("aria-label", `${nameOf(ind)}, current value`);
    input.addEventListener("input", () => {
      ind.value = input.value.trim() === "" ? null : Number(input.value);
      onChange();
    });
    const unit = ind.unit ? ` ${ind.unit}` : "";
    body.append(
      el(
        "tr",
        {},
        el("th", { scope: "row", textContent: nameOf(ind) }),
        el("td", {}, input, el("span", { className: "unit", textContent: unit })),
        el("td", { textContent: `${ind.baseline}${unit}` }),
        el("td", { textContent: `${ind.target}${unit}` }),
        el("td", { className: "progress", id: `progress-${id}` }),
      ),
    );
  }
  const others = doc.indicators.filter((i) => i.scale === undefined && !EDITABLE.includes(i.id)).length;
  $("kpi-more").textContent = `The sample's ${others} other measured results are scored too, with their sample values.`;
}

function renderReport(report, framework, doc) {
  const titles = new Map(doc.indicators.map((i) => [i.id, nameOf(i)]));
  const score = $("score");
  score.textContent = pct(report.score);
  score.dataset.value = String(report.score);
  $("score-status").replaceChildren(statusChip(report.status));

  $("perspectives").replaceChildren(
    ...report.perspectives.map((p) => bar(p.title ?? p.id, p.score, p.status, `weight ${p.weight}`)),
  );

  // The charts come from the core's renderer (the same SVG as the HTML report); the
  // core escapes every text it draws, so the markup can be inserted as is.
  $("charts").innerHTML = renderSvg(report, "radar") + renderSvg(report, "pyramid");

  const pyramid = $("pyramid");
  pyramid.replaceChildren(
    ...[...report.levels].reverse().map((level) => {
      const item = el("li", {
        className: `level level-${level.level}${level.met ? " met" : ""}${level.level === report.focus_level ? " focus" : ""}`,
      });
      item.dataset.level = String(level.level);
      item.append(
        el("strong", { textContent: `${level.level}. ${level.title}` }),
        el("span", {
          textContent: ` ${pct(level.score)} · ${level.met ? "reached" : `needs ${pct(level.threshold)}`}`,
        }),
      );
      const summary = framework.levels.find((l) => l.level === level.level)?.summary;
      if (summary) item.title = summary;
      return item;
    }),
  );
  const attained = report.levels.find((l) => l.level === report.level_attained);
  const focus = report.levels.find((l) => l.level === report.focus_level);
  const outcome = {
    below_satisfaction: "not yet reliably satisfying customers",
    satisfaction: "satisfying customers",
    delight: "delighting customers",
  }[report.outcome];
  $("pyramid-summary").replaceChildren(
    el(
      "p",
      {},
      el("strong", {
        textContent: attained ? `Level ${attained.level} reached: ${attained.title}.` : "No level reached yet.",
      }),
      ` Overall: ${outcome}.`,
    ),
    focus
      ? el(
          "p",
          {},
          "Next level to focus on: ",
          el("strong", { id: "focus", textContent: `${focus.level}. ${focus.title}` }),
          ` (${focus.outcome}).`,
          el("br"),
          el("small", { textContent: framework.levels.find((l) => l.level === focus.level)?.summary ?? "" }),
        )
      : el("p", { id: "focus", textContent: "Top of the pyramid: keep it there." }),
  );

  $("priorities").replaceChildren(
    ...report.priorities
      .slice(0, 5)
      .map((p) =>
        el(
          "li",
          {},
          el("span", { textContent: titles.get(p.indicator) ?? p.indicator }),
          el("span", { className: "impact", textContent: ` +${(p.impact * 100).toFixed(1)} points` }),
          el("small", { textContent: ` (now ${pct(p.progress)} of the way)` }),
        ),
      ),
  );

  const elements = new Map(report.elements.map((e) => [e.id, e]));
  $("dimensions").replaceChildren(
    ...report.dimensions.map((d) => {
      const box = el("div", { className: "dimension-result" });
      box.append(bar(d.title ?? d.id, d.score, d.status));
      for (const id of d.elements) {
        const e = elements.get(id);
        const row = bar(e.title ?? e.id, e.score, e.status);
        row.classList.add("sub");
        row.dataset.element = e.id;
        box.append(row);
      }
      return box;
    }),
  );

  for (const row of report.indicators) {
    const cell = document.getElementById(`progress-${row.id}`);
    if (cell) cell.replaceChildren(el("span", { textContent: `${pct(row.progress)} ` }), statusChip(row.status));
  }
}

async function main() {
  // The scoring module and the renderer's (for the charts) load side by side.
  await Promise.all([init(), initRender()]);
  const framework = catalogue();
  const doc = sample();
  $("doc-title").textContent = doc.title;
  $("version").textContent = `servex ${version()}`;

  const update = () => {
    $("document").textContent = JSON.stringify(doc, null, 2);
    try {
      renderReport(score(doc), framework, doc);
      $("error").hidden = true;
    } catch (error) {
      $("error").hidden = false;
      $("error").textContent = error.name === "ServexError" ? `Cannot score this: ${error.message}` : String(error);
    }
    document.body.dataset.ready = "true";
  };
  renderInputs(doc, framework, update);
  update();
}

main().catch((error) => {
  $("error").hidden = false;
  $("error").textContent = `The page could not start: ${error.message}`;
});
