/**
 * The site's one stylesheet: readable type, a measure that suits long lists of behaviours,
 * colours that pass contrast checks, and tables that scroll inside their own box on a phone.
 */
export const stylesheet = `:root {
  color-scheme: light;
  --ink: #1b1f24;
  --muted: #4a525c;
  --line: #d5dae0;
  --link: #0b57b7;
  --band: #f3f5f7;
  --note: #fff6d6;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink);
  background: #fff;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; top: 0.5rem; }
header.site, main, footer.site { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
header.site { border-bottom: 1px solid var(--line); padding-top: 1rem; padding-bottom: 0.75rem; }
header.site p { margin: 0; font-weight: 600; }
header.site nav ul { list-style: none; padding: 0; margin: 0.4rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
nav.crumbs ol { list-style: none; padding: 0; margin: 1rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem; color: var(--muted); }
nav.crumbs li + li::before { content: "›"; margin-right: 0.35rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1.25rem 0 0.5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
p, li { max-width: 70ch; }
.meta { color: var(--muted); margin-top: 0; }
.note { background: var(--note); border-left: 4px solid #a27b00; padding: 0.6rem 0.9rem; }
.expected { margin: 0.1rem 0 0.4rem; color: var(--muted); }
.carried { font-style: italic; color: var(--muted); }
.illustrated { margin: 0.25rem 0 0.75rem; }
.aside-title { margin: 0.4rem 0 0.1rem; font-weight: 600; color: var(--muted); }
ul.examples { margin: 0.1rem 0; color: var(--muted); }
.reading { margin: 0.1rem 0; font-size: 0.95em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.4rem; }
th, td { border: 1px solid var(--line); padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
tbody th { background: var(--band); white-space: nowrap; }
td ul { margin: 0; padding-left: 1.1rem; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 2rem 0; flex-wrap: wrap; }
ins { background: #e3f5e5; text-decoration: none; }
del { background: #fbe4e4; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
footer.site { border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 0.75rem; padding-bottom: 2rem; color: var(--muted); }
@media (max-width: 40rem) {
  body { font-size: 1.0625rem; }
  h1 { font-size: 1.55rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.4rem; }
}
`;
