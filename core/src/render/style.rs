//! The page's style sheet: a clean typographic layout, status pills, a dark scheme for
//! screens that prefer it and a light, shadow-free print style. No `<` or `&` in it,
//! so it sits in an XHTML `<style>` element as plain text.

pub(crate) const PAGE_CSS: &str = "\
:root{color-scheme:light dark;--bg:#f3f5f8;--card:#ffffff;--ink:#1d2430;--muted:#5b6576;--line:#e2e6eb;\
--head:#f7f8fa;--accent:#3b5bdb;--green-bg:#d3f4db;--green-ink:#17692c;--amber-bg:#ffedcc;--amber-ink:#8a4a00;\
--red-bg:#ffe0e0;--red-ink:#a51d1d;--miss-bg:#eceff2;--miss-ink:#5b6576;--meter:#8d9bb0}
@media screen and (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--ink:#e6e9ee;--muted:#a4adba;\
--line:#2a313b;--head:#1b2129;--accent:#7b93ff;--green-bg:#173d22;--green-ink:#8ce99a;--amber-bg:#45300a;\
--amber-ink:#ffd43b;--red-bg:#4a1a1a;--red-ink:#ffa8a8;--miss-bg:#262d36;--miss-ink:#a4adba;--meter:#66748a}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,\
'Helvetica Neue',Arial,sans-serif}
main{max-width:1220px;margin:0 auto;padding:36px 28px 56px}
.eyebrow{margin:0;font-size:12px;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
h1{margin:4px 0 6px;font-size:32px;line-height:1.2;letter-spacing:-.01em}
h2{margin:40px 0 6px;font-size:20px;line-height:1.3}
h3{margin:0 0 10px;font-size:15px}
.lede{margin:0 0 22px;color:var(--muted)}
.intro{margin:0 0 14px;color:var(--muted);font-size:14px;max-width:80ch}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:20px 22px;\
box-shadow:0 1px 2px rgba(16,24,40,.05),0 1px 8px rgba(16,24,40,.04)}
.headline{display:grid;grid-template-columns:1.25fr repeat(4,1fr);padding:0}
.kpi{padding:20px 22px;border-left:1px solid var(--line)}
.kpi:first-child{border-left:0}
.kpi .label{font-size:12px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
.kpi .value{font-size:30px;font-weight:700;line-height:1.2;margin:6px 0 6px;font-variant-numeric:tabular-nums}
.kpi.main .value{font-size:46px;letter-spacing:-.02em}
.kpi .note{font-size:13px;color:var(--muted)}
.kpi .value small{font-size:15px;font-weight:600;color:var(--muted)}
.charts{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px}
.grid2{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;align-items:start}
figure{margin:0}
.card.view{margin-top:16px}
.card.view:first-of-type{margin-top:0}
figure svg{display:block;width:100%;height:auto}
figcaption{font-weight:600;margin:0 0 4px}
figcaption span{display:block;font-weight:400;font-size:13px;color:var(--muted)}
.scroll{overflow-x:auto}
table{width:100%;border-collapse:collapse;font-size:14px}
th{padding:8px 10px;text-align:left;font-size:11.5px;font-weight:600;letter-spacing:.05em;text-transform:uppercase;\
color:var(--muted);background:var(--head);border-bottom:1px solid var(--line);white-space:nowrap}
td{padding:9px 10px;border-bottom:1px solid var(--line);vertical-align:top}
tbody tr:last-child td{border-bottom:0}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.id{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
.evidence{margin-top:3px;font-size:12.5px;color:var(--muted);font-style:italic;max-width:48ch}
.unit{color:var(--muted);font-size:12.5px}
.muted{color:var(--muted)}
.nowrap{white-space:nowrap}
.pill{display:inline-block;padding:1px 10px;border-radius:999px;font-size:12px;font-weight:600;line-height:1.6;\
white-space:nowrap;background:var(--miss-bg);color:var(--miss-ink)}
.pill.green{background:var(--green-bg);color:var(--green-ink)}
.pill.green-soft{background:transparent;color:var(--green-ink);box-shadow:inset 0 0 0 1.5px var(--green-bg)}
.pill.amber{background:var(--amber-bg);color:var(--amber-ink)}
.pill.red{background:var(--red-bg);color:var(--red-ink)}
.pill.delight{background:var(--green-bg);color:var(--green-ink)}
.pill.satisfaction{background:var(--amber-bg);color:var(--amber-ink)}
.pill.below_satisfaction{background:var(--red-bg);color:var(--red-ink)}
.tag{display:inline-block;margin-left:4px;padding:0 7px;border:1px solid var(--line);border-radius:6px;\
font-size:11.5px;color:var(--muted);white-space:nowrap}
.tag.focus{border-color:var(--amber-ink);color:var(--amber-ink)}
.meter{display:inline-block;width:54px;height:6px;margin-right:8px;vertical-align:middle;border-radius:3px;\
background:var(--miss-bg);overflow:hidden}
.meter span{display:block;height:100%;background:var(--meter)}
.trend{display:flex;flex-direction:column;align-items:flex-start;gap:2px;white-space:nowrap}
.trend svg{flex:none}
.dir{font-size:13px;font-weight:600}
.dir.up{color:var(--green-ink)}
.dir.down{color:var(--red-ink)}
.dir.flat{color:var(--muted)}
.delta{font-size:12px;font-weight:400;color:var(--muted)}
table.indicators td:first-child{min-width:260px}
footer{margin-top:40px;padding-top:16px;border-top:1px solid var(--line);font-size:12.5px;color:var(--muted)}
@media (max-width:1000px){.charts,.grid2{grid-template-columns:1fr}.headline{grid-template-columns:1fr 1fr}\
.kpi{border-left:0;border-top:1px solid var(--line)}}
@media print{body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}\
.card{box-shadow:none;border-color:#cfd4da;break-inside:avoid}h2{break-after:avoid}tr{break-inside:avoid}\
.charts{grid-template-columns:repeat(3,minmax(0,1fr))}.scroll{overflow:visible}\
.pill,.meter,.meter span{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";
