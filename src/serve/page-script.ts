/**
 * The page's script, as a string inlined by reading-page.ts (this project's TypeScript has no DOM types, and
 * a string keeps the page one self-contained file). It shows one report at a time, times it, sends answers,
 * and puts every value from the API into the page as text (textContent), never as markup.
 *
 * Timing: the clock runs from the moment a report is shown until it is answered, and stops while the page is
 * paused or hidden (another tab, a minimised window). The time of a visit that ends without an answer (skip,
 * back) is kept and added to that report's next answer; an answer that is changed adds its new time to the
 * stored one (the server sums them), so a report's seconds are all the time spent deciding it.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var token = document.querySelector('meta[name="cmrdx-token"]').getAttribute('content');
  var $ = function (id) { return document.getElementById(id); };
  var S = null;            // the session: mode, person, total, answered, categories, strings
  var T = {};              // the strings
  var cur = null;          // the report shown: { i, item }
  var done = false;
  var paused = false;
  var busy = false;
  var activeMs = 0;        // time on the report shown during this visit
  var since = null;        // when the clock last started (performance.now), null while stopped
  var carried = {};        // position -> time of visits that ended without an answer
  var hiddenQuotes = {};   // adjudication: readers whose quotes are not marked
  var choices = Array.prototype.slice.call(document.querySelectorAll('.choice'));
  // Reading only: the reader's "no category", one button per reason.
  var reasons = Array.prototype.slice.call(document.querySelectorAll('.reason'));
  function answerButtons(disabled) { choices.concat(reasons).forEach(function (b) { b.disabled = disabled; }); }

  async function api(path, body) {
    var init = { headers: { 'x-cmrdx-token': token } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    var res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new Error(T.serverGone || 'cmrdx is not running');
    }
    var data = {};
    try { data = await res.json(); } catch (e) { data = {}; }
    if (!res.ok) throw new Error(data.error || ('HTTP ' + res.status));
    return data;
  }

  // The clock.
  function canRun() { return cur !== null && !done && !paused && !busy && document.visibilityState === 'visible'; }
  function startClock() { if (since === null && canRun()) since = performance.now(); }
  function stopClock() { if (since !== null) { activeMs += performance.now() - since; since = null; } }
  function visitMs() { return activeMs + (since === null ? 0 : performance.now() - since); }
  function shownMs() {
    if (cur === null) return 0;
    var before = cur.item.answer ? cur.item.answer.seconds * 1000 : 0;
    return before + (carried[cur.i] || 0) + visitMs();
  }
  function clockText(ms) {
    var s = Math.floor(ms / 1000);
    var m = Math.floor(s / 60);
    s = s % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }
  function tick() { $('clock').textContent = cur === null ? '–' : clockText(shownMs()); }
  setInterval(tick, 250);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') startClock(); else stopClock();
  });

  function setStatus(text, error) {
    var s = $('status');
    s.textContent = text;
    s.className = error ? 'status error' : 'status';
    s.setAttribute('role', error ? 'alert' : 'status');
  }

  function progress() {
    var where = cur === null ? S.total : cur.i + 1;
    $('progress').textContent = where + ' ' + T.of + ' ' + S.total + ' · ' + S.answered + ' ' + (S.mode === 'adjudicate' ? T.adjudicated : T.answered);
  }

  // Leaving a report: its time so far waits for its next answer.
  function leave() {
    if (cur === null) return;
    stopClock();
    if (activeMs > 0) carried[cur.i] = (carried[cur.i] || 0) + activeMs;
    activeMs = 0;
  }

  async function show(i) {
    leave();
    busy = true;
    var item;
    try {
      item = await api('/api/item?i=' + i);
    } catch (e) {
      busy = false;
      setStatus(e.message, true);
      startClock();
      return;
    }
    busy = false;
    cur = { i: i, item: item };
    done = false;
    activeMs = 0;
    since = null;
    render();
    startClock();
  }

  function render() {
    var item = cur.item;
    var a = item.answer;
    $('done-note').hidden = true;
    $('report').hidden = false;
    choices.forEach(function (b) { b.setAttribute('aria-pressed', String(Boolean(a) && a.category === b.getAttribute('data-category'))); });
    reasons.forEach(function (b) { b.setAttribute('aria-pressed', String(Boolean(a) && a.category === 'UNCLASSIFIED' && a.reason === b.getAttribute('data-reason'))); });
    if ($('none')) $('none').open = Boolean(a && a.category === 'UNCLASSIFIED');
    answerButtons(paused);
    $('skip').disabled = false;
    if ($('unsure')) $('unsure').checked = Boolean(a && a.unsure);
    $('comment').value = a && a.comment ? a.comment : '';
    if (S.mode === 'adjudicate') renderAdjudication(item); else $('report').textContent = item.text;
    progress();
    tick();
    window.scrollTo(0, 0);
    // A new report takes the focus from the button that answered the last one: a held or repeated Enter must
    // not answer reports the reader has not seen.
    $('report').focus({ preventScroll: true });
  }

  function showDone() {
    leave();
    cur = null;
    done = true;
    $('report').hidden = true;
    $('meta').hidden = true;
    $('readers-box').hidden = true;
    $('done-note').hidden = false;
    // Nothing to answer here: the buttons wait for "back".
    choices.concat(reasons).forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
    answerButtons(true);
    $('skip').disabled = true;
    $('comment').value = '';
    if ($('unsure')) $('unsure').checked = false;
    progress();
    tick();
  }

  // category: a category id, or 'UNCLASSIFIED' with the reader's reason.
  async function answer(category, reason) {
    if (cur === null || busy || paused) return;
    stopClock();
    busy = true;
    var i = cur.i;
    var body = {
      i: i,
      category: category,
      seconds: Math.round((carried[i] || 0) + activeMs) / 1000,
      unsure: $('unsure') ? $('unsure').checked : false,
      comment: $('comment').value
    };
    if (reason) body.reason = reason;
    try {
      var r = await api('/api/answer', body);
      delete carried[i];
      activeMs = 0;
      S.answered = r.answered;
      busy = false;
      setStatus(T.saved + ': ' + (reason ? T.noCategory + ' – ' + T.reasons[reason] : category));
      if (r.next === null) showDone(); else await show(r.next);
    } catch (e) {
      busy = false;
      setStatus(T.notSaved + ': ' + e.message, true);
      startClock();
    }
  }

  function back() {
    if (busy) return;
    if (done) { show(S.total - 1); return; }
    if (cur !== null && cur.i > 0) show(cur.i - 1);
  }

  async function skip() {
    if (busy || done || cur === null) return;
    if (cur.i + 1 < S.total) { show(cur.i + 1); return; }
    // At the end: back to the first report still unanswered.
    try {
      var s = await api('/api/session');
      S.answered = s.answered;
      if (s.done) showDone(); else show(s.start);
    } catch (e) {
      setStatus(e.message, true);
    }
  }

  function setPaused(p) {
    if (p && done) return;
    paused = p;
    if (p) stopClock(); else startClock();
    document.body.classList.toggle('paused', p);
    $('paused-note').hidden = !p;
    $('pause').setAttribute('aria-pressed', String(p));
    $('pause-label').textContent = p ? T.resume : T.pause;
    answerButtons(p || done);
  }

  // Adjudication: the readers' answers, and their quotes marked in the text.
  function renderAdjudication(item) {
    var meta = $('meta');
    meta.textContent = '';
    var b = document.createElement('b');
    b.textContent = T.report + ' ' + item.id;
    meta.appendChild(b);
    var why = item.reason === 'no majority' ? T.reasonNoMajority : (item.reason === 'below target' ? T.reasonBelowTarget : T.reasonRules) + (item.consensus.category ? ' (' + item.consensus.category + ').' : '.');
    meta.appendChild(document.createTextNode(' · ' + why));
    meta.hidden = false;

    var list = $('readers');
    list.textContent = '';
    item.readers.forEach(function (r, k) {
      var li = document.createElement('li');
      // The swatch is the reader's colour in the text, and the switch that marks or hides their quotes.
      var sw = document.createElement(r.spans.length > 0 ? 'button' : 'span');
      sw.className = 'swatch c' + (k % 8);
      if (r.spans.length > 0) {
        sw.type = 'button';
        sw.setAttribute('aria-pressed', String(!hiddenQuotes[r.name]));
        sw.setAttribute('aria-label', T.showQuotes + ' ' + r.name + ' (' + r.spans.length + ')');
        sw.title = sw.getAttribute('aria-label');
        sw.addEventListener('click', function () {
          hiddenQuotes[r.name] = !hiddenQuotes[r.name];
          sw.setAttribute('aria-pressed', String(!hiddenQuotes[r.name]));
          markText(item);
        });
      } else sw.setAttribute('aria-hidden', 'true');
      var name = document.createElement('span');
      name.className = 'rname';
      name.textContent = r.name;
      var cat = document.createElement('span');
      cat.className = r.category ? 'rcat' : 'rcat none';
      cat.textContent = r.category === 'UNCLASSIFIED' ? T.noCategory : r.category ? r.category : (r.failed ? T.failed : T.noAnswer);
      li.appendChild(sw);
      li.appendChild(name);
      li.appendChild(cat);
      var extra = [];
      if (r.spans.length > 0) extra.push(r.spans.length + ' ' + T.quotes);
      if (r.reason) extra.push(T.reasons[r.reason] || r.reason);
      if (r.unsure) extra.push(T.unsure);
      if (r.comment) extra.push('“' + r.comment + '”');
      r.unaligned.forEach(function (q) { extra.push(T.unaligned + ': “' + q + '”'); });
      if (extra.length > 0) {
        var e = document.createElement('span');
        e.className = 'extra';
        e.textContent = extra.join(' · ');
        li.appendChild(e);
      }
      list.appendChild(li);
    });
    $('readers-box').hidden = false;
    markText(item);
  }

  function markText(item) {
    var text = item.text;
    var spans = [];
    var cuts = [0, text.length];
    item.readers.forEach(function (r, k) {
      if (hiddenQuotes[r.name]) return;
      r.spans.forEach(function (s) {
        spans.push({ start: s.start, end: s.end, k: k });
        cuts.push(s.start, s.end);
      });
    });
    cuts = cuts.filter(function (c, j) { return cuts.indexOf(c) === j; }).sort(function (x, y) { return x - y; });
    var box = $('report');
    box.textContent = '';
    for (var j = 0; j + 1 < cuts.length; j++) {
      var from = cuts[j];
      var to = cuts[j + 1];
      var who = [];
      spans.forEach(function (s) { if (s.start <= from && s.end >= to && who.indexOf(s.k) < 0) who.push(s.k); });
      var piece = text.slice(from, to);
      if (who.length === 0) { box.appendChild(document.createTextNode(piece)); continue; }
      var m = document.createElement('mark');
      m.className = who.length === 1 ? 'c' + (who[0] % 8) : 'multi';
      m.title = T.quotedBy + ' ' + who.map(function (k) { return item.readers[k].name; }).join(', ');
      m.textContent = piece;
      box.appendChild(m);
    }
  }

  // Keys: 1–9 choose, N no category (opens the reasons and puts the first in focus: Tab moves on, Enter answers),
  // U unsure, C comment (Esc leaves it), ← back, → skip, P pause.
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    // A held key answers once, not report after report.
    if (e.repeat && e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') { e.preventDefault(); return; }
    var target = e.target;
    if (target && target.closest && target.closest('textarea, input[type="text"]')) {
      if (e.key === 'Escape') { target.blur(); e.preventDefault(); }
      return;
    }
    if (e.key === 'p' || e.key === 'P') { e.preventDefault(); setPaused(!paused); return; }
    if (paused || S === null) return;
    if (/^[1-9]$/.test(e.key)) {
      var c = S.categories[Number(e.key) - 1];
      if (c) { e.preventDefault(); answer(c.id); }
      return;
    }
    if ((e.key === 'n' || e.key === 'N') && $('none')) {
      e.preventDefault();
      $('none').open = true;
      if (reasons.length > 0) reasons[0].focus();
      return;
    }
    if ((e.key === 'u' || e.key === 'U') && $('unsure')) { e.preventDefault(); $('unsure').checked = !$('unsure').checked; return; }
    if (e.key === 'c' || e.key === 'C') { e.preventDefault(); $('comment').focus(); return; }
    if (e.key === 'ArrowLeft') { e.preventDefault(); back(); return; }
    if (e.key === 'ArrowRight') { e.preventDefault(); skip(); return; }
  });
  choices.forEach(function (b) { b.addEventListener('click', function () { answer(b.getAttribute('data-category')); }); });
  reasons.forEach(function (b) { b.addEventListener('click', function () { answer('UNCLASSIFIED', b.getAttribute('data-reason')); }); });
  $('back').addEventListener('click', back);
  $('skip').addEventListener('click', skip);
  $('pause').addEventListener('click', function () { setPaused(!paused); });

  (async function start() {
    try {
      S = await api('/api/session');
    } catch (e) {
      setStatus(e.message, true);
      return;
    }
    T = S.strings;
    if (S.done) showDone(); else await show(S.start);
  })();
})();
`;
