/* Test-only: measures the rubric axes table as laid out and records what is cut off as attributes on <html>. */
(function () {
  var root = document.documentElement;
  try {
    var table = document.querySelector('#axes table.axes');
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    // What a reader sees without scrolling sideways: the table's scroll box (if any) within the viewport.
    var box = (table.closest('.wide') || table.parentElement).getBoundingClientRect();
    var right = Math.min(box.right, root.clientWidth);
    var cut = [];
    Array.prototype.forEach.call(table.querySelectorAll('tr'), function (tr, row) {
      var col = 0;
      Array.prototype.forEach.call(tr.children, function (cell) {
        var r = cell.getBoundingClientRect();
        var name = (headers[col] || ('column ' + col)) + ' (row ' + row + ')';
        col += cell.colSpan;
        if (r.width > 0 && r.right > right + 0.5) cut.push(name + ' ends at ' + Math.round(r.right) + ' > ' + Math.round(right));
        else if (cell.scrollWidth > cell.clientWidth + 1) cut.push(name + ' overflows its cell');
      });
    });
    root.setAttribute('data-viewport', String(window.innerWidth));
    // What widens the page itself, outermost first (an element inside a sideways-scrolling box does not).
    var wide = Array.prototype.filter.call(document.body.querySelectorAll('*'), function (el) {
      if (el.closest('.wide') && el.closest('.wide') !== el) return false;
      return el.getBoundingClientRect().right > root.clientWidth + 0.5;
    }).slice(0, 5).map(function (el) { return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className : ''); });
    root.setAttribute('data-page-overflow', root.scrollWidth > root.clientWidth ? 'widened by ' + wide.join(' ') : '');
    root.setAttribute('data-axes-rows', String(table.querySelectorAll('tbody tr').length));
    root.setAttribute('data-axes-cut', cut.join('; '));
  } catch (e) {
    root.setAttribute('data-probe-error', String(e));
  }
})();
