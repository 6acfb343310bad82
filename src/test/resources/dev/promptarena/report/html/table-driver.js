/* Test-only: drives report.html's case table and records what it saw as attributes on <html>. */
(function () {
  var root = document.documentElement;
  function $(id) { return document.getElementById(id); }
  function set(id, prop, value, ev) { $(id)[prop] = value; $(id).dispatchEvent(new Event(ev)); }
  function rows() { return Array.prototype.slice.call($('case-rows').children); }
  function ids() { return rows().map(function (r) { return r.querySelector('.case-id strong').textContent; }); }
  try {
    $('p-next').click();
    root.setAttribute('data-page2', $('p-info').textContent);

    set('f-verdict', 'value', 'A', 'change');
    root.setAttribute('data-losses-only', String(rows().length > 0 && rows().every(function (r) { return r.className === 'v-A'; })));
    set('f-verdict', 'value', '', 'change');

    set('f-flip', 'checked', true, 'change');
    root.setAttribute('data-flip-only', String(rows().length > 0 && rows().every(function (r) {
      return r.className === 'v-INCONSISTENT' || r.textContent.indexOf('flipped with order') >= 0;
    })));
    set('f-flip', 'checked', false, 'change');

    var th = document.querySelector('th[data-sort="id"]');
    th.click();
    var first = ids();
    root.setAttribute('data-sorted-by-id', String(first.every(function (x, i) { return i === 0 || first[i - 1] <= x; })));
    th.click();
    var second = ids();
    root.setAttribute('data-reversed', String(second.every(function (x, i) { return i === 0 || second[i - 1] >= x; })));

    set('f-text', 'value', 'case-123', 'input'); // debounced: check after the timer fired
    setTimeout(function () {
      root.setAttribute('data-search-hits', String(rows().length));
      root.setAttribute('data-driver-done', '1');
    }, 600);
  } catch (e) {
    root.setAttribute('data-driver-error', String(e && e.message ? e.message : e));
  }
})();
