/** The console's page: landmarks and empty places the script fills; it loads its style and script as files. */
export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Console · local Cognito</title>
<link rel="icon" href="/_cognito-idp-contract/console/icon.svg">
<link rel="stylesheet" href="/_cognito-idp-contract/console/app.css">
<script type="module" src="/_cognito-idp-contract/console/app.js"></script>
</head>
<body>
<header>
<h1>Local Cognito</h1>
<label for="pool">User pool</label>
<select id="pool"><option value="">Loading…</option></select>
<span id="live" class="muted">Connecting…</span>
</header>
<nav aria-label="Views"><div role="tablist" id="tabs" aria-label="Views"></div></nav>
<main id="main"><noscript><p>The console needs JavaScript.</p></noscript></main>
<footer><p id="status" role="status" aria-live="polite"></p></footer>
</body>
</html>
`

/** The console's style: light and dark from the system's colour scheme, contrast of 4.5:1 or more for text. */
export const CONSOLE_CSS = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --accent: #0550ae;
  --ok-bg: #dafbe1; --ok: #116329; --warn-bg: #fff8c5; --warn: #7d4e00; --bad-bg: #ffebe9; --bad: #a40e26;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9ea7b3; --line: #3d444d; --panel: #161b22; --accent: #58a6ff;
    --ok-bg: #12351f; --ok: #56d364; --warn-bg: #3a2e0b; --warn: #e3b341; --bad-bg: #42161d; --bad: #ff8e86;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
body > header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .6rem 1.25rem; border-bottom: 1px solid var(--line); background: var(--panel); }
h1 { font-size: 1.15rem; margin: 0 1rem 0 0; }
h2 { font-size: 1.1rem; margin: 1rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; }
body > nav { padding: 0 1.25rem; border-bottom: 1px solid var(--line); }
[role="tablist"] { display: flex; flex-wrap: wrap; gap: .25rem; }
[role="tab"] { border: 0; border-bottom: 3px solid transparent; border-radius: 0; background: none; padding: .6rem .9rem; font-weight: 600; color: var(--muted); }
[role="tab"][aria-selected="true"] { color: var(--fg); border-bottom-color: var(--accent); }
main { padding: .25rem 1.25rem 2rem; max-width: 100rem; }
footer { padding: .25rem 1.25rem; min-height: 2rem; color: var(--muted); }
a { color: var(--accent); }
button, input, select, textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .3rem .6rem; }
button { background: var(--panel); cursor: pointer; }
button:hover { border-color: var(--accent); }
button:disabled { color: var(--muted); cursor: default; }
button.danger { color: var(--bad); }
button.link { border: 0; background: none; padding: 0; color: var(--accent); text-decoration: underline; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .6rem; margin: .5rem 0; }
.grid { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .4rem .8rem; align-items: center; margin: .5rem 0; }
.grid h3, .grid button[type="submit"] { grid-column: 1 / -1; justify-self: start; }
.scroll { overflow-x: auto; margin: .5rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .55rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); }
.attrs { list-style: none; margin: 0; padding: 0; }
.mono, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .6rem; overflow: auto; max-height: 24rem; }
.muted { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
.error { color: var(--bad); }
.error:empty { display: none; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; }
.badge.ok { background: var(--ok-bg); color: var(--ok); }
.badge.warn { background: var(--warn-bg); color: var(--warn); }
.badge.bad { background: var(--bad-bg); color: var(--bad); }
.code { white-space: nowrap; }
.message-text { white-space: pre-wrap; max-width: 40rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.banner { border: 1px solid var(--accent); border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.banner p { margin: 0; flex-basis: 100%; }
.pager { display: flex; gap: .8rem; align-items: center; }
#pool-settings { display: grid; grid-template-columns: repeat(auto-fill, minmax(24rem, 1fr)); gap: 0 2.5rem; }
#pool-settings .wide { grid-column: 1 / -1; }
.check { grid-column: 1 / -1; display: flex; gap: .5rem; align-items: center; }
dialog { width: min(46rem, 94vw); max-height: 90vh; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); color: var(--fg); padding: 0 1.25rem 1rem; }
dialog::backdrop { background: rgb(0 0 0 / .45); }
.dialog-head { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
.offscreen { position: absolute; left: -9999px; }
details > summary { cursor: pointer; }
`

/** The console's icon: a key. */
export const CONSOLE_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="5" cy="8" r="3.5" fill="none" stroke="#0550ae" stroke-width="2"/><path d="M8.5 8H15M13 8v3M11 8v2" stroke="#0550ae" stroke-width="2"/></svg>
`
