/* Intervisiewijzer: the comparison of forms of guidance. A reader ticks the forms to
   compare; under every aspect only those stay. Without JavaScript every form shows. The
   choice is kept in the address (?vormen=intervisie,supervisie), so it can be shared. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;

  function setup() {
    var form = document.querySelector("form[data-compare]");
    if (!form) return;
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var chosen = new URLSearchParams(location.search).get("vormen");
    if (chosen) {
      var wanted = chosen.split(",");
      boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    }

    function apply() {
      var shown = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      document.querySelectorAll(".iw-compare [data-form]").forEach(function (cell) {
        cell.hidden = shown.indexOf(cell.getAttribute("data-form")) === -1;
      });
      var query = new URLSearchParams(location.search);
      if (shown.length === boxes.length) query.delete("vormen");
      else query.set("vormen", shown.join(","));
      var search = query.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    form.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }

  IW.onPage(setup);
})();
