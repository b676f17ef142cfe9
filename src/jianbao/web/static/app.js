// jianbao: on the page view, pointing at an article (or a stretch of the original input) lights up
// everything that belongs to the same owner, so a reader can check how the page was cut; the original
// pane scrolls to the article pointed at (or clicked, or reached with the keyboard), and the article
// list to the stretch of input pointed at, and the one picked stays marked.
(function () {
  "use strict";
  function same(owner) { return document.querySelectorAll('[data-owner="' + owner + '"]'); }
  function light(owner, on) { same(owner).forEach(function (el) { el.classList.toggle("hot", on); }); }
  // scroll `box` (a scrolling pane) so that `el` inside it shows, near its top, unless it shows already
  function follow(box, el) {
    if (!box || !el) { return; }
    var b = box.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (r.top >= b.top && r.bottom <= b.bottom) { return; }
    box.scrollTop += r.top - b.top - 24;
  }
  function pick(owner) {
    document.querySelectorAll(".picked").forEach(function (el) { el.classList.remove("picked"); });
    same(owner).forEach(function (el) { el.classList.add("picked"); });
  }
  function point(el, picked) {
    var owner = el.getAttribute("data-owner"), pre = document.querySelector("pre.source");
    if (!pre) { return; }
    if (el.closest("pre.source")) {   // input pointed at: bring its article into view in the page list
      if (picked) { pick(owner); var art = document.querySelector('.cut [data-owner="' + owner + '"]');
        if (art) { art.scrollIntoView({block: "nearest"}); } }
      return;
    }
    follow(pre, pre.querySelector('[data-owner="' + owner + '"]'));
    if (picked) { pick(owner); }
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-owner]");
    if (el) { light(el.getAttribute("data-owner"), true); point(el, false); }
  });
  document.addEventListener("mouseout", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-owner]");
    if (el) { light(el.getAttribute("data-owner"), false); }
  });
  ["click", "focusin"].forEach(function (kind) {
    document.addEventListener(kind, function (ev) {
      var el = ev.target.closest && ev.target.closest("[data-owner]");
      if (el) { point(el, true); }
    });
  });
})();
