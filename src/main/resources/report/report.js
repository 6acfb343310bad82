/* prompt-arena report: renders the per-case table from the embedded JSON, one page at a time.
   Untrusted text (model, dataset and judge output) only ever goes through textContent, and only through
   untrusted() or textBlock(), which drop bidi controls and isolate it (see there). */
(function () {
  'use strict';
  var root = document.documentElement;
  var errors = [];
  function fail(msg) {
    errors.push(String(msg));
    root.setAttribute('data-js-errors', errors.join(' | '));
  }
  window.addEventListener('error', function (e) { fail(e.message || 'error'); });

  var PAGE = 50;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  // The case JSON carries bidi embedding, override and isolate controls (U+202A-202E, U+2066-2069) escaped but
  // intact; shown as is, an override in an answer, id or reason would make a verdict, score or id read as
  // something else. Every untrusted piece therefore loses those controls and sits in its own isolate (a bdi, or a
  // block with dir=auto), so even plain right-to-left text cannot reorder the trusted text next to it.
  var BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
  function withoutBidiControls(text) { return String(text).replace(BIDI_CONTROLS, ''); }
  function untrusted(text) { return el('bdi', null, withoutBidiControls(text)); }
  function textBlock(cls, text) {
    var d = el('div', cls, withoutBidiControls(text));
    d.dir = 'auto';
    return d;
  }
  function fmt(x) { return x === null || x === undefined ? '\u2014' : (Math.round(x * 100) / 100).toString(); }

  function init() {
    var cases = JSON.parse(document.getElementById('case-data').textContent);
    var axes = JSON.parse(document.getElementById('axis-names').textContent);
    cases.forEach(function (c, i) {
      c.order = i; // the report's worst-first order, computed in Java
      c.hay = (c.id + '\n' + c.q + '\n' + c.a + '\n' + c.b + '\n' + c.votes.map(function (v) { return v.why; }).join('\n')).toLowerCase();
    });
    var state = {text: '', tag: '', verdict: '', flip: false, dis: false, sort: 'worst', reverse: false, page: 0};
    var view = cases;
    var body = document.getElementById('case-rows');
    var info = document.getElementById('p-info');

    function matches(c) {
      if (state.tag && c.tags.indexOf(state.tag) < 0) return false;
      if (state.verdict && c.v !== state.verdict) return false;
      if (state.flip && !(c.flip || c.v === 'INCONSISTENT')) return false;
      if (state.dis && !c.dis) return false;
      return !state.text || c.hay.indexOf(state.text) >= 0;
    }
    function comparator() {
      switch (state.sort) {
        case 'id': return function (x, y) { return x.id < y.id ? -1 : x.id > y.id ? 1 : x.rep - y.rep; };
        case 'drop': return function (x, y) { return (y.drop === null ? -99 : y.drop) - (x.drop === null ? -99 : x.drop) || x.order - y.order; };
        case 'words': return function (x, y) { return (y.wb - y.wa) - (x.wb - x.wa) || x.order - y.order; };
        default: return function (x, y) { return x.order - y.order; };
      }
    }
    function refresh() {
      var cmp = comparator();
      view = cases.filter(matches).sort(state.reverse ? function (x, y) { return cmp(y, x); } : cmp);
      state.page = 0;
      draw();
    }
    function textCell(text, extra) {
      var td = el('td');
      td.appendChild(textBlock('text', text));
      if (extra) td.appendChild(extra);
      return td;
    }
    function sideFlag(error, truncated) {
      if (!error) return truncated ? el('div', 'flag', 'truncated') : null;
      var flag = el('div', 'flag', 'error: ');
      flag.appendChild(untrusted(error));
      return flag;
    }
    function scores(c) {
      var td = el('td', 'scores');
      axes.forEach(function (name, i) {
        var line = el('div');
        line.appendChild(el('span', 'axis-name')).appendChild(untrusted(name));
        line.appendChild(document.createTextNode(' '));
        line.appendChild(el('span', 'num', fmt(c.sa[i]) + ' / ' + fmt(c.sb[i])));
        td.appendChild(line);
      });
      return td;
    }
    function votes(c) {
      var td = el('td', 'votes');
      c.votes.forEach(function (v) {
        var box = el('div', 'vote');
        var head = v.st === 'ok' ? 'winner ' + v.w + ' (presented ' + v.pw + ')' : v.st;
        var title = box.appendChild(el('div', 'vote-head', v.ord + ' \u00b7 ' + head + (v.fix ? ' \u00b7 repaired' : '') + ' \u00b7 '));
        title.appendChild(untrusted(v.j));
        box.appendChild(textBlock('text', v.err ? v.err : v.why));
        if (c.votes.length > 1 && v.st === 'ok') {
          // With several votes the per-vote scores explain a split; the Scores column shows their mean.
          var perVote = box.appendChild(el('div', 'vote-head'));
          axes.forEach(function (name, i) {
            if (i) perVote.appendChild(document.createTextNode(' \u00b7 '));
            perVote.appendChild(untrusted(name));
            perVote.appendChild(document.createTextNode(' ' + fmt(v.sa[i]) + '/' + fmt(v.sb[i])));
          });
        }
        td.appendChild(box);
      });
      return td;
    }
    function row(c) {
      var tr = el('tr', 'v-' + c.v);
      var id = el('td', 'case-id');
      // Ids and tags are the user's text: each isolated (bdi), so a right-to-left override in one
      // cannot reverse the text around it.
      id.appendChild(el('strong', null, null)).appendChild(untrusted(c.id));
      if (c.rep) id.appendChild(el('div', 'muted', 'repeat ' + c.rep));
      var tags = id.appendChild(el('div', 'muted'));
      c.tags.forEach(function (t, i) {
        if (i) tags.appendChild(document.createTextNode(' '));
        tags.appendChild(untrusted(t));
      });
      id.appendChild(el('div', 'muted', 'words ' + c.wa + ' \u2192 ' + c.wb));
      tr.appendChild(id);
      var v = el('td', 'verdict-cell');
      v.appendChild(el('span', 'pill v-' + c.v, c.vl));
      if (c.flip) v.appendChild(el('div', 'flag', 'flipped with order'));
      if (c.dis && !c.flip) v.appendChild(el('div', 'flag', 'judges disagree'));
      if (c.drop !== null && c.drop > 0) {
        var drop = v.appendChild(el('div', 'muted'));
        drop.appendChild(untrusted(c.dropAxis));
        drop.appendChild(document.createTextNode(' \u2212' + fmt(c.drop)));
      }
      tr.appendChild(v);
      tr.appendChild(textCell(c.q));
      tr.appendChild(textCell(c.a, sideFlag(c.ea, c.ta)));
      tr.appendChild(textCell(c.b, sideFlag(c.eb, c.tb)));
      tr.appendChild(scores(c));
      tr.appendChild(votes(c));
      return tr;
    }
    function draw() {
      var pages = Math.max(1, Math.ceil(view.length / PAGE));
      state.page = Math.min(Math.max(0, state.page), pages - 1);
      var frag = document.createDocumentFragment();
      view.slice(state.page * PAGE, (state.page + 1) * PAGE).forEach(function (c) { frag.appendChild(row(c)); });
      body.textContent = '';
      body.appendChild(frag);
      info.textContent = 'page ' + (state.page + 1) + ' of ' + pages + ' \u00b7 ' + view.length + ' of ' + cases.length + ' outcomes';
      document.getElementById('p-prev').disabled = state.page === 0;
      document.getElementById('p-next').disabled = state.page >= pages - 1;
    }
    function bind(id, ev, fn) { document.getElementById(id).addEventListener(ev, fn); }
    var timer = null;
    bind('f-text', 'input', function (e) {
      clearTimeout(timer); // searching 10,000 cases on every keystroke would stutter
      timer = setTimeout(function () { state.text = e.target.value.toLowerCase(); refresh(); }, 200);
    });
    bind('f-tag', 'change', function (e) { state.tag = e.target.value; refresh(); });
    bind('f-verdict', 'change', function (e) { state.verdict = e.target.value; refresh(); });
    bind('f-flip', 'change', function (e) { state.flip = e.target.checked; refresh(); });
    bind('f-dis', 'change', function (e) { state.dis = e.target.checked; refresh(); });
    bind('f-sort', 'change', function (e) { state.sort = e.target.value; state.reverse = false; refresh(); });
    Array.prototype.forEach.call(document.querySelectorAll('th.sortable'), function (th) {
      th.addEventListener('click', function () {
        var key = th.getAttribute('data-sort');
        state.reverse = state.sort === key ? !state.reverse : false; // a second click reverses
        state.sort = key;
        document.getElementById('f-sort').value = key;
        refresh();
      });
    });
    bind('p-prev', 'click', function () { state.page--; draw(); });
    bind('p-next', 'click', function () { state.page++; draw(); });
    refresh();
    root.setAttribute('data-rows', String(body.children.length));
  }

  try {
    init();
  } catch (e) {
    fail(e && e.message ? e.message : e);
  }
  root.setAttribute('data-ready', '1');
})();
