/* Intervisiewijzer: the method chooser at methoden/. The page has a card per method (also
   without JavaScript); this script shows the filters, hides the cards that do not fit and
   keeps the filters in the address, so that a choice can be shared. When nothing fits, it
   lists the nearest methods with what to relax ("met 15 minuten meer"). Cards are only
   shown or hidden, never rebuilt: fast with a thousand methods. Every sentence comes from
   the form's data-* attributes (the template), with {n} and {label} filled in. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;
  var whole = IW.whole;
  var NEAREST = 3;

  function cardData(card) {
    var d = card.dataset;
    return {
      card: card,
      name: card.querySelector(".iw-card__name a"),
      kinds: d.kinds ? d.kinds.split(" ") : [],
      shortest: parseInt(d.shortest, 10),
      groupMin: parseInt(d.groupMin, 10),
      groupMax: d.groupMax ? parseInt(d.groupMax, 10) : Infinity,
      level: parseInt(d.level, 10),
      leader: parseInt(d.leader, 10),
      conversation: d.conversation
    };
  }

  function say(form, name, values) {
    return form.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* A choice on a scale (experience, who leads): its place on the scale and its words, or null. */
  function chosenLevel(select) {
    if (!select || !select.value) return null;
    return parseInt(select.selectedOptions[0].dataset.level, 10);
  }

  function optionLabel(select, level) {
    var option = Array.prototype.find.call(select.options, function (o) { return o.dataset.level === String(level); });
    return option ? option.textContent.toLowerCase() : "";
  }

  /* What keeps a method out, given the filters: a list of {weight, words}; empty when it fits. */
  function misfits(form) {
    var el = form.elements;
    var kind = el.vraag.value;
    var time = whole(el.tijd.value);
    var group = whole(el.groep.value);
    var level = chosenLevel(el.ervaring);
    var leader = chosenLevel(el.begeleider);
    var conversation = el.gesprek ? el.gesprek.value : "";
    return function (m) {
      var out = [];
      if (kind && m.kinds.indexOf(kind) === -1) out.push({ weight: 3, words: say(form, "other-kind", {}) });
      if (conversation && m.conversation !== conversation) {
        var label = Array.prototype.find.call(el.gesprek.options, function (o) { return o.value === m.conversation; });
        out.push({ weight: 3, words: say(form, "other-conversation", { label: label ? label.textContent.toLowerCase() : "" }) });
      }
      if (time !== null && m.shortest > time) out.push({ weight: 1 + (m.shortest - time) / 60, words: say(form, "more-minutes", { n: m.shortest - time }) });
      if (group !== null && group < m.groupMin) out.push({ weight: 1 + (m.groupMin - group) / 10, words: say(form, "from-people", { n: m.groupMin }) });
      if (group !== null && group > m.groupMax) out.push({ weight: 1 + (group - m.groupMax) / 10, words: say(form, "to-people", { n: m.groupMax }) });
      if (level !== null && m.level > level) out.push({ weight: 2, words: say(form, "more-experience", { label: optionLabel(el.ervaring, m.level) }) });
      if (leader !== null && m.leader > leader) out.push({ weight: 2, words: say(form, "other-leader", { label: optionLabel(el.begeleider, m.leader) }) });
      return out;
    };
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name; });
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

  function nearestItem(form, method, reasons) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = method.name.getAttribute("href");
    link.textContent = method.name.textContent;
    var words = reasons.map(function (r) { return r.words; }).join(say(form, "and", {}));
    item.append(link, say(form, "nearest", { reasons: words }));
    return item;
  }

  function setup() {
    var form = document.querySelector("form[data-chooser]");
    if (!form) return;
    var methods = Array.prototype.map.call(document.querySelectorAll(".iw-catalogue > .iw-card"), cardData);
    var count = form.querySelector("[data-chooser-count]");
    var none = document.querySelector("[data-chooser-none]");
    var nearest = document.querySelector("[data-chooser-nearest]");

    function apply() {
      var why = misfits(form);
      var shown = 0;
      var near = [];
      methods.forEach(function (m) {
        var reasons = why(m);
        var fits = reasons.length === 0;
        if (m.card.hidden === fits) m.card.hidden = !fits;
        if (fits) shown++;
        else near.push({ method: m, reasons: reasons, weight: reasons.reduce(function (a, r) { return a + r.weight; }, 0) });
      });
      count.textContent = shown === methods.length
        ? say(form, "count-all", { n: methods.length })
        : say(form, "count-some", { shown: shown, n: methods.length });
      none.hidden = shown > 0;
      if (shown === 0) {
        near.sort(function (a, b) { return a.weight - b.weight; });
        nearest.replaceChildren.apply(nearest, near.slice(0, NEAREST).map(function (n) { return nearestItem(form, n.method, n.reasons); }));
      }
    }

    restore(form);
    form.hidden = false;
    form.addEventListener("input", function () {
      apply();
      remember(form);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-chooser-reset]").addEventListener("click", function () {
      fields(form).forEach(function (el) { el.value = ""; });
      apply();
      remember(form);
    });
    apply();
  }

  IW.onPage(setup);
})();
