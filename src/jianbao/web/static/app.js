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

// jianbao: the API page (/api): each path's form builds its URL from the fields (path parameters put
// in place, the others as the query string), fetches it from this server and shows the answer.
(function () {
  "use strict";
  function url(form) {
    var path = form.getAttribute("data-path"), query = [];
    form.querySelectorAll("[name]").forEach(function (el) {
      if (!el.value) { return; }
      if (el.getAttribute("data-in") === "path") {
        path = path.replace("{" + el.name + "}", encodeURIComponent(el.value));
      } else {
        query.push(encodeURIComponent(el.name) + "=" + encodeURIComponent(el.value));
      }
    });
    return path + (query.length ? "?" + query.join("&") : "");
  }
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.classList || !form.classList.contains("try")) { return; }
    ev.preventDefault();
    var u = url(form), out = form.parentNode.querySelector("pre.answer"), link = form.querySelector("a.url");
    link.textContent = u; link.setAttribute("href", u);
    out.hidden = false; out.textContent = "…";
    fetch(u, {headers: {"Accept": "application/json"}}).then(function (r) {
      return r.text().then(function (t) {
        var shown = t;
        try { shown = JSON.stringify(JSON.parse(t), null, 2); } catch (e) { /* CSV or JSON lines */ }
        out.textContent = r.status + "\n" + shown.slice(0, 20000);
        out.setAttribute("data-status", String(r.status));
      });
    }).catch(function (e) { out.textContent = String(e); });
  });
})();
