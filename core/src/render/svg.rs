//! The SVG frame every chart shares: the root element with its accessible `<title>` and
//! `<desc>`, the chart style sheet (light and dark), and small writers for text and
//! shapes. Hand-written SVG: a few hundred bytes of markup need no crate, and the
//! output stays byte-for-byte deterministic on every target, wasm32 included.

use super::format::{coord, esc};

/// The style of every chart, as CSS custom properties on `.sx` so that a page can
/// restyle them. Light by default (and in print); dark on screens that prefer it.
/// Chart text carries a halo in the background colour, so that a chart pasted on a
/// page of the other brightness still reads.
pub(crate) const CHART_CSS: &str = "\
.sx{--sx-ink:#1d2430;--sx-muted:#5b6576;--sx-grid:#d3d9e0;--sx-bg:#ffffff;--sx-track:#edf0f4;\
--sx-green:#2b8a3e;--sx-amber:#d9730d;--sx-red:#c92a2a;--sx-missing:#8f98a3;--sx-accent:#3b5bdb;\
font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
@media screen and (prefers-color-scheme:dark){.sx{--sx-ink:#e6e9ee;--sx-muted:#a4adba;--sx-grid:#3a4350;\
--sx-bg:#161b22;--sx-track:#252c35;--sx-green:#40c057;--sx-amber:#f59f00;--sx-red:#ff6b6b;--sx-missing:#6f7884;\
--sx-accent:#7b93ff}}
.sx text{fill:var(--sx-ink);font-size:13px;paint-order:stroke;stroke:var(--sx-bg);stroke-width:3px;stroke-linejoin:round}
.sx text.muted{fill:var(--sx-muted)}
.sx text.b{font-weight:600}
.sx text.big{font-size:15px;font-weight:600}
.sx text.small{font-size:11.5px}
.sx text.ring-label{fill:var(--sx-accent);font-weight:600}
.sx text.on-fill{fill:#ffffff;stroke:none;font-weight:700;font-size:15px}
.sx .grid{fill:none;stroke:var(--sx-grid);stroke-width:1}
.sx .spoke-missing{stroke:var(--sx-missing);stroke-dasharray:3 3}
.sx .ring-full{fill:none;stroke:var(--sx-muted);stroke-width:1.5}
.sx .ring-level{fill:none;stroke:var(--sx-accent);stroke-width:1.5;stroke-dasharray:6 4}
.sx .area{fill:var(--sx-accent);fill-opacity:.16;stroke:var(--sx-accent);stroke-width:2;stroke-linejoin:round}
.sx .line{fill:none;stroke:var(--sx-accent);stroke-width:2;stroke-linejoin:round}
.sx .s-green{fill:var(--sx-green)}
.sx .s-amber{fill:var(--sx-amber)}
.sx .s-red{fill:var(--sx-red)}
.sx .s-missing{fill:none;stroke:var(--sx-missing);stroke-width:1.5;stroke-dasharray:3 2}
.sx .pt{stroke:var(--sx-bg);stroke-width:1.5}
.sx .track{fill:var(--sx-track)}
.sx .tick{stroke:var(--sx-grid);stroke-width:1}
.sx .lv{stroke:var(--sx-bg);stroke-width:2}
.sx .lv-attained{fill:var(--sx-green)}
.sx .lv-met{fill:var(--sx-green);fill-opacity:.45}
.sx .lv-open{fill:var(--sx-track);stroke:var(--sx-grid);stroke-width:1.5}
.sx .lv-top{stroke:var(--sx-ink);stroke-width:2.5}
.sx .lv-focus{fill:none;stroke:var(--sx-amber);stroke-width:3;stroke-dasharray:7 4}
.sx .bracket{fill:none;stroke:var(--sx-muted);stroke-width:1.5}
.sx .spark{fill:none;stroke:var(--sx-muted);stroke-width:1.75;stroke-linejoin:round;stroke-linecap:round}
.sx .spark.t-improving{stroke:var(--sx-green)}
.sx .spark.t-declining{stroke:var(--sx-red)}
.sx .spark-dot{fill:var(--sx-muted)}
.sx .spark-dot.t-improving{fill:var(--sx-green)}
.sx .spark-dot.t-declining{fill:var(--sx-red)}
.sx .spark-target{stroke:var(--sx-muted);stroke-width:1;stroke-dasharray:2 2}
.sx .forest-sig{fill:var(--sx-accent);stroke:var(--sx-accent);stroke-width:1.5}
.sx .forest-ns{fill:var(--sx-bg);stroke:var(--sx-accent);stroke-width:1.5}
.sx .funnel-95{fill:none;stroke:var(--sx-amber);stroke-width:1.5;stroke-dasharray:6 4}
.sx .funnel-998{fill:none;stroke:var(--sx-red);stroke-width:1.5;stroke-dasharray:2 3}
";

/// The outer box of one chart.
pub(crate) struct Frame<'a> {
    /// Short name, used for the CSS class and the ids of `<title>` and `<desc>`.
    pub kind: &'a str,
    /// Width in SVG units (pixels when shown at natural size).
    pub width: f64,
    /// Height in SVG units.
    pub height: f64,
    /// The accessible name, e.g. "Element scores".
    pub title: &'a str,
    /// The accessible description: what a sighted reader gets from the chart, in words.
    pub desc: &'a str,
}

/// Opens the `<svg>` root: with the style sheet when the chart stands alone, without
/// it when it sits in a page that carries the style once.
pub(crate) fn open(out: &mut String, frame: &Frame, standalone: bool) {
    let (w, h) = (coord(frame.width), coord(frame.height));
    let kind = esc(frame.kind);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sx sx-{kind}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\" role=\"img\" aria-labelledby=\"sx-{kind}-title sx-{kind}-desc\">\n"
    ));
    out.push_str(&format!("<title id=\"sx-{kind}-title\">{}</title>\n", esc(frame.title)));
    out.push_str(&format!("<desc id=\"sx-{kind}-desc\">{}</desc>\n", esc(frame.desc)));
    if standalone {
        out.push_str("<style>\n");
        out.push_str(CHART_CSS);
        out.push_str("</style>\n");
    }
}

/// Closes the `<svg>` root.
pub(crate) fn close(out: &mut String) {
    out.push_str("</svg>\n");
}

/// Horizontal alignment of a text label.
#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Writes one `<text>` label; `content` is escaped here, `attrs` (extra attributes,
/// e.g. ` data-id="..."`) must already be escaped.
pub(crate) fn text(out: &mut String, x: f64, y: f64, anchor: Anchor, class: &str, attrs: &str, content: &str) {
    let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"{class}{attrs}>{}</text>\n",
        coord(x),
        coord(y),
        anchor.as_str(),
        esc(content)
    ));
}

/// `points` attribute text of a polyline or polygon.
pub(crate) fn points(pts: &[(f64, f64)]) -> String {
    pts.iter().map(|(x, y)| format!("{},{}", coord(*x), coord(*y))).collect::<Vec<_>>().join(" ")
}

/// The CSS class of a status colour.
pub(crate) fn status_class(status: crate::report::Status) -> &'static str {
    use crate::report::Status;
    match status {
        Status::Green => "s-green",
        Status::Amber => "s-amber",
        Status::Red => "s-red",
        Status::Missing => "s-missing",
    }
}

/// A chart's message when there is nothing to draw, centred in the frame.
pub(crate) fn empty_note(out: &mut String, frame: &Frame, message: &str) {
    text(out, frame.width / 2.0, frame.height / 2.0, Anchor::Middle, "muted", "", message);
}
