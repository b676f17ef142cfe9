// jianbao: on the page view, pointing at an article (or a stretch of the original input) lights up
// everything that belongs to the same owner, so a reader can check how the page was cut.
(function () {
  "use strict";
  function same(owner) { return document.querySelectorAll('[data-owner="' + owner + '"]'); }
  function light(owner, on) { same(owner).forEach(function (el) { el.classList.toggle("hot", on); }); }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-owner]");
    if (el) { light(el.getAttribute("data-owner"), true); }
  });
  document.addEventListener("mouseout", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-owner]");
    if (el) { light(el.getAttribute("data-owner"), false); }
  });
})();
