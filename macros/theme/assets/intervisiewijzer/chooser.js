/* Intervisiewijzer: the method chooser at methoden/. The page lists every method (also
   without JavaScript); this script shows the filters, hides the rows that do not fit
   and keeps the filters in the address, so that a choice can be shared. Rows are only
   shown or hidden, never rebuilt: fast with a thousand methods. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;
  var whole = IW.whole;

  function rowData(row) {
    var d = row.dataset;
    return {
      row: row,
      kinds: d.kinds ? d.kinds.split(" ") : [],
      shortest: parseInt(d.shortest, 10),
      groupMin: parseInt(d.groupMin, 10),
      groupMax: d.groupMax ? parseInt(d.groupMax, 10) : Infinity,
      level: parseInt(d.level, 10),
      leader: parseInt(d.leader, 10)
    };
  }

  /* A choice on a scale (experience, who leads): its place on the scale, or null. */
  function chosenLevel(select) {
    return select.value ? parseInt(select.selectedOptions[0].dataset.level, 10) : null;
  }

  /* One test per filter: the control's current value -> does this method fit? */
  function tests(form) {
    var kind = form.elements.vraag.value;
    var time = whole(form.elements.tijd.value);
    var group = whole(form.elements.groep.value);
    var level = chosenLevel(form.elements.ervaring);
    var leader = chosenLevel(form.elements.begeleider);
    return function (m) {
      return (
        (!kind || m.kinds.indexOf(kind) !== -1) &&
        (time === null || m.shortest <= time) &&
        (group === null || (m.groupMin <= group && group <= m.groupMax)) &&
        (level === null || m.level <= level) &&
        (leader === null || m.leader <= leader)
      );
    };
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name;
    });
  }

  function restore(form) {
    var query = new URLSearchParams(location.search);
    fields(form).forEach(function (el) {
      var value = query.get(el.name);
      if (value === null) return;
      if (el.tagName === "SELECT") {
        if (Array.prototype.some.call(el.options, function (o) { return o.value === value; })) el.value = value;
      } else if (whole(value) !== null) {
        el.value = value;
      }
    });
  }

  function remember(form) {
    var query = new URLSearchParams(location.search);
    fields(form).forEach(function (el) {
      if (el.value) query.set(el.name, el.value);
      else query.delete(el.name);
    });
    var search = query.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function setup() {
    var form = document.querySelector("form[data-chooser]");
    if (!form) return;
    var methods = Array.prototype.map.call(document.querySelectorAll(".iw-chooser-list tr[data-kinds]"), rowData);
    var count = form.querySelector("[data-chooser-count]");
    var empty = document.querySelector("[data-chooser-empty]");

    function apply() {
      var fits = tests(form);
      var shown = 0;
      for (var i = 0; i < methods.length; i++) {
        var ok = fits(methods[i]);
        if (methods[i].row.hidden === ok) methods[i].row.hidden = !ok;
        if (ok) shown++;
      }
      count.textContent =
        shown === methods.length
          ? "Je ziet alle " + methods.length + " methoden."
          : "Je ziet " + shown + " van de " + methods.length + " methoden.";
      if (empty) empty.hidden = shown > 0;
    }

    restore(form);
    form.hidden = false;
    form.addEventListener("input", function () {
      apply();
      remember(form);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.querySelector("[data-chooser-reset]").addEventListener("click", function () {
      fields(form).forEach(function (el) {
        el.value = "";
      });
      apply();
      remember(form);
    });
    apply();
  }

  IW.onPage(setup);
})();
