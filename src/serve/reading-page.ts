/**
 * The reading and adjudication page as one self-contained HTML string: inline style and script (allowed by a
 * per-response nonce, nothing else), no font, image or request to anywhere but this server's API, so it works
 * offline on a ward PC. The frame (buttons, labels) is rendered here with every value escaped; report text
 * and readers' answers arrive through the API and are put into the page as text nodes, never as markup.
 */
import { escapeHtml } from '../util/escape-html.js';
import type { PageSession } from './page-session.js';
import { PAGE_SCRIPT } from './page-script.js';
import { categoryName, pageStrings } from './page-strings.js';
import { UNCLASSIFIED_REASONS } from '../taxonomy/taxonomy.js';

const STYLE = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --back: #f3f4f6; --accent: #0b5cad; --accent-ink: #ffffff; --warn: #9a3412; }
* { box-sizing: border-box; }
html { font-size: 18px; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--back); line-height: 1.45; }
kbd { font: 600 0.75rem/1 ui-monospace, "DejaVu Sans Mono", monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0.15rem 0.35rem; background: #f6f8fa; color: var(--ink); }
button { font: inherit; color: inherit; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.bar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.6rem 1.5rem; background: #1f2937; color: #f9fafb; }
.bar .brand { flex: 1 1 auto; }
.bar .brand b { letter-spacing: 0.02em; }
.bar .progress { font-weight: 600; font-variant-numeric: tabular-nums; }
.bar .clock { font-variant-numeric: tabular-nums; }
.bar .clock .label { color: #cbd5e1; font-size: 0.85rem; }
.bar #clock { font-weight: 600; font-size: 1.15rem; }
.bar button { display: inline-flex; align-items: center; gap: 0.4rem; padding: 0.35rem 0.8rem; border-radius: 6px; border: 1px solid #9ca3af; background: #374151; color: #f9fafb; cursor: pointer; }
.bar button[aria-pressed="true"] { background: #f59e0b; color: #111827; border-color: #f59e0b; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 25rem; gap: 1.5rem; max-width: 90rem; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; align-items: start; }
.reading { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 1.5rem 2rem; min-height: 60vh; position: relative; }
.meta { margin: 0 0 1rem; color: var(--muted); }
.meta b { color: var(--ink); }
/* Monospace: reports carry tables aligned with spaces (LV and RV columns); a proportional font would shift them. */
.report { margin: 0; max-width: 80ch; font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, ui-monospace, monospace; font-size: 1.05rem; line-height: 1.7; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 8; }
.report:focus { outline: none; }
body.paused .report, body.paused #readers-box { visibility: hidden; }
.note { border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1rem; font-size: 1.1rem; }
#paused-note { background: #fef3c7; border: 1px solid #f59e0b; }
#done-note { background: #dcfce7; border: 1px solid #16a34a; }
#done-note h2 { margin: 0 0 0.4rem; font-size: 1.3rem; }
.panel { position: sticky; top: 4.2rem; max-height: calc(100vh - 5rem); overflow-y: auto; display: flex; flex-direction: column; gap: 0.8rem; }
.panel h2 { margin: 0; font-size: 0.95rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.box { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 0.9rem 1rem; display: flex; flex-direction: column; gap: 0.6rem; }
.choices { display: flex; flex-direction: column; gap: 0.35rem; }
.choice { display: grid; grid-template-columns: 1.6rem 5.6rem 1fr; align-items: center; gap: 0.4rem; width: 100%; text-align: left; padding: 0.4rem 0.6rem; border: 1px solid var(--line); border-radius: 7px; background: #f9fafb; cursor: pointer; }
.choice:hover { border-color: var(--accent); background: #eef5fc; }
.choice .cid { font-weight: 700; }
.choice .cname { color: var(--muted); font-size: 0.86rem; line-height: 1.25; }
.choice[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
.choice[aria-pressed="true"] .cname { color: var(--accent-ink); }
.choice[aria-pressed="true"] kbd { background: #dbeafe; }
.choice:disabled { opacity: 0.5; cursor: default; }
/* Closed by default (one line), so the panel's other controls stay in view on a small screen. */
.none-box { padding-top: 0.4rem; border-top: 1px solid var(--line); }
.none-box summary { cursor: pointer; font-size: 0.85rem; font-weight: 600; color: var(--muted); }
.none-box .reasons { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-top: 0.4rem; }
.reason { flex: 1 1 45%; padding: 0.3rem 0.5rem; border: 1px dashed #9ca3af; border-radius: 7px; background: #ffffff; font-size: 0.82rem; line-height: 1.25; text-align: left; cursor: pointer; }
.reason:hover { border-color: var(--accent); background: #eef5fc; }
.reason[aria-pressed="true"] { background: #4b5563; border: 1px solid #4b5563; color: #ffffff; }
.reason:disabled { opacity: 0.5; cursor: default; }
.none-box .hint { margin: 0.3rem 0 0; font-size: 0.75rem; color: var(--muted); }
.check { display: flex; align-items: center; gap: 0.5rem; cursor: pointer; }
.check input { width: 1.15rem; height: 1.15rem; }
.field { display: flex; flex-direction: column; gap: 0.3rem; }
.field label { display: flex; align-items: center; gap: 0.5rem; }
textarea { font: inherit; font-size: 0.95rem; width: 100%; border: 1px solid var(--line); border-radius: 7px; padding: 0.45rem 0.55rem; resize: vertical; }
.nav { display: flex; gap: 0.5rem; }
.nav button:disabled { opacity: 0.5; cursor: default; }
.nav button { flex: 1; display: inline-flex; justify-content: center; align-items: center; gap: 0.4rem; padding: 0.45rem 0.6rem; border: 1px solid var(--line); border-radius: 7px; background: #f9fafb; cursor: pointer; }
.status { margin: 0; min-height: 1.4rem; font-size: 0.95rem; color: #166534; }
.status.error { color: var(--warn); font-weight: 600; }
.keys { margin: 0; color: var(--muted); font-size: 0.8rem; }
#readers-box { margin: 0 0 1.25rem; padding: 0.75rem 1rem; background: #f9fafb; border: 1px solid var(--line); border-radius: 8px; }
#readers-box h2 { margin: 0 0 0.5rem; font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
#readers { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 0.5rem 1.5rem; }
#readers li { display: grid; grid-template-columns: 1.1rem 1fr auto; gap: 0.2rem 0.5rem; align-items: center; }
#readers .swatch { width: 1.1rem; height: 1.1rem; padding: 0; border-radius: 3px; border: 1px solid #6b7280; }
#readers button.swatch { cursor: pointer; }
#readers button.swatch[aria-pressed="false"] { background: #ffffff; }
#readers .rname { overflow-wrap: anywhere; font-size: 0.92rem; }
#readers .rcat { font-weight: 700; }
#readers .rcat.none { font-weight: 400; color: var(--muted); font-style: italic; }
#readers .extra { grid-column: 2 / 4; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
mark { color: inherit; border-radius: 3px; padding: 0.05em 0; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.c0 { background: #fde68a; } .c1 { background: #bfdbfe; } .c2 { background: #bbf7d0; } .c3 { background: #fbcfe8; }
.c4 { background: #ddd6fe; } .c5 { background: #fed7aa; } .c6 { background: #a5f3fc; } .c7 { background: #e5e7eb; }
mark.c0 { border-bottom: 2px solid #b45309; } mark.c1 { border-bottom: 2px solid #1d4ed8; } mark.c2 { border-bottom: 2px solid #15803d; } mark.c3 { border-bottom: 2px solid #be185d; }
mark.c4 { border-bottom: 2px solid #6d28d9; } mark.c5 { border-bottom: 2px solid #c2410c; } mark.c6 { border-bottom: 2px solid #0e7490; } mark.c7 { border-bottom: 2px solid #4b5563; }
mark.multi { background: repeating-linear-gradient(135deg, #fde68a 0 6px, #bfdbfe 6px 12px); border-bottom: 2px solid #111827; }
/* A ward PC at 1024 px: a narrower panel; a tablet upright: one column, the panel below the report. */
@media (max-width: 75em) { main { grid-template-columns: minmax(0, 1fr) 20rem; gap: 1rem; padding: 1rem; } .reading { padding: 1.25rem; } .report { font-size: 1rem; } }
@media (max-width: 50em) { main { grid-template-columns: minmax(0, 1fr); } .panel { position: static; max-height: none; } }
[hidden] { display: none !important; }
`;

/** The page for a session; `nonce` allows its own style and script only, `token` goes with every API call. */
export function renderReadingPage(session: PageSession, nonce: string, token: string): string {
  const t = pageStrings(session.lang);
  const read = session.mode === 'read';
  const choices = session.taxonomy.categories
    .map((c, i) => {
      const name = categoryName(session.taxonomy, c.id, session.lang);
      const key = i < 9 ? String(i + 1) : '';
      return `<button type="button" class="choice" data-category="${escapeHtml(c.id)}" aria-pressed="false" aria-label="${escapeHtml(`${c.id} – ${name}`)}"${key ? ` aria-keyshortcuts="${key}"` : ''}><kbd aria-hidden="true">${key || '·'}</kbd><span class="cid">${escapeHtml(c.id)}</span><span class="cname">${escapeHtml(name)}</span></button>`;
    })
    .join('\n');
  // A reader's honest "no category", one button per reason (reading only: an adjudicated truth is a category).
  const noCategory = UNCLASSIFIED_REASONS.map((r) => `<button type="button" class="reason" data-reason="${r}" aria-pressed="false">${escapeHtml(t.reasons[r])}</button>`).join('');
  return `<!doctype html>
<html lang="${session.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="cmrdx-token" content="${escapeHtml(token)}">
<link rel="icon" href="data:,">
<title>${escapeHtml(read ? t.titleRead : t.titleAdjudicate)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header class="bar">
  <div class="brand"><b>cmrdx</b> · ${escapeHtml(read ? t.readingAs : t.adjudicatingAs)} <b>${escapeHtml(session.person)}</b></div>
  <div id="progress" class="progress" aria-live="polite"></div>
  <div class="clock"><span class="label">${escapeHtml(t.elapsed)}</span> <span id="clock" role="timer" aria-label="${escapeHtml(t.elapsed)}">0:00</span></div>
  <button id="pause" type="button" aria-pressed="false" aria-keyshortcuts="P"><kbd>P</kbd> <span id="pause-label">${escapeHtml(t.pause)}</span></button>
</header>
<main>
  <section class="reading" aria-label="${escapeHtml(t.report)}">
    <div id="paused-note" class="note" role="status" hidden>${escapeHtml(t.paused)}</div>
    <div id="done-note" class="note" hidden><h2>${escapeHtml(t.allDone)}</h2><p>${escapeHtml(t.allDoneHint)}</p></div>
    <p id="meta" class="meta" hidden></p>
    <section id="readers-box" aria-labelledby="readers-h" hidden>
      <h2 id="readers-h">${escapeHtml(t.readers)}</h2>
      <ul id="readers"></ul>
    </section>
    <article id="report" class="report" tabindex="-1"></article>
  </section>
  <aside class="panel">
    <section class="box">
      <h2 id="choose-h">${escapeHtml(read ? t.choose : t.chooseFinal)}</h2>
      <div class="choices" role="group" aria-labelledby="choose-h">
${choices}
      </div>
      ${read ? `<details id="none" class="none-box"><summary aria-keyshortcuts="N">${escapeHtml(t.noCategory)} <kbd>N</kbd></summary><div class="reasons" role="group" aria-label="${escapeHtml(t.noCategory)}">${noCategory}</div><p class="hint">${escapeHtml(t.noCategoryHint)}</p></details>` : ''}
      ${read ? `<label class="check"><input type="checkbox" id="unsure" aria-keyshortcuts="U"> ${escapeHtml(t.unsure)} <kbd>U</kbd></label>` : ''}
      <div class="field">
        <label for="comment">${escapeHtml(t.comment)} <kbd>C</kbd></label>
        <textarea id="comment" rows="3" maxlength="2000" aria-keyshortcuts="C"></textarea>
      </div>
      <div class="nav">
        <button id="back" type="button" aria-keyshortcuts="ArrowLeft"><kbd>←</kbd> ${escapeHtml(t.back)}</button>
        <button id="skip" type="button" aria-keyshortcuts="ArrowRight">${escapeHtml(t.skip)} <kbd>→</kbd></button>
      </div>
      <p id="status" class="status" role="status"></p>
      <p class="keys">${escapeHtml(read ? t.keysHelp : t.keysHelpAdjudicate)}</p>
    </section>
  </aside>
</main>
<script nonce="${nonce}">${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
