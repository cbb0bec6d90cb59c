/* Intervisiewijzer: role cards for the whole group, one card per person. The page lists a
   card per role (complete without JavaScript); this script repeats the vragensteller's
   card for the group's size, adds the roles the group uses, and lays the cards out four
   to an A4 sheet again. The choice is kept in the address (?deelnemers=7&rollen=tijdbewaker). */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;
  var PER_SHEET = 4;

  function setup() {
    var form = document.querySelector("[data-cards-form]");
    var deck = document.querySelector(".role-cards");
    if (!form || !deck) return;
    var originals = Array.prototype.slice.call(deck.querySelectorAll(".role-card"));
    var fixed = form.getAttribute("data-fixed").split(" ").filter(Boolean);
    /* The role everyone else holds (duty: vragen in methods/_roles.yml). */
    var questioner = form.getAttribute("data-questioner");
    var people = form.querySelector("#iw-people");
    var extras = Array.prototype.slice.call(form.querySelectorAll("[data-extra-role]"));
    var status = form.querySelector("[data-cards-status]");
    /* A role's card and its continuations travel together. */
    var groups = [];
    originals.forEach(function (card) {
      var last = groups[groups.length - 1];
      if (last && last[0].getAttribute("data-role") === card.getAttribute("data-role")) last.push(card);
      else groups.push([card]);
    });
    var hasQuestioner = originals.some(function (card) { return card.getAttribute("data-role") === questioner; });

    var query = new URLSearchParams(location.search);
    if (IW.whole(query.get("deelnemers")) !== null) people.value = query.get("deelnemers");
    var chosen = (query.get("rollen") || "").split(",");
    extras.forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });

    function layout() {
      var used = extras.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      var count = IW.whole(people.value);
      var questioners = hasQuestioner && count !== null ? count - fixed.length - used.length : 0;
      var cards = [];
      groups.forEach(function (group) {
        var role = group[0].getAttribute("data-role");
        if (group[0].hasAttribute("data-optional") && used.indexOf(role) === -1) return;
        var copies = role === questioner ? Math.max(questioners, 0) : 1;
        for (var i = 0; i < copies; i++) {
          group.forEach(function (card) { cards.push(i === 0 ? card : cloneOf(card)); });
        }
      });
      var sheets = [];
      for (var i = 0; i < cards.length; i += PER_SHEET) {
        var sheet = document.createElement("div");
        sheet.className = "card-sheet";
        cards.slice(i, i + PER_SHEET).forEach(function (card) { sheet.appendChild(card); });
        sheets.push(sheet);
      }
      deck.replaceChildren.apply(deck, sheets);
      if (count === null || (hasQuestioner && questioners < 1)) {
        people.setAttribute("aria-invalid", "true");
        status.textContent = "Voor deze rollen zijn minstens " + (fixed.length + used.length + 1) + " deelnemers nodig.";
      } else {
        people.removeAttribute("aria-invalid");
        status.textContent = cards.length + " kaarten op " + sheets.length + " vel" + (sheets.length === 1 ? "" : "len") +
          " A4" + (hasQuestioner ? ", waarvan " + questioners + " voor een vragensteller." : ".");
      }
      var next = new URLSearchParams(location.search);
      next.set("deelnemers", people.value);
      if (used.length) next.set("rollen", used.join(","));
      else next.delete("rollen");
      history.replaceState(history.state, "", location.pathname + "?" + next.toString() + location.hash);
    }

    function cloneOf(card) {
      var copy = card.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
      return copy;
    }

    form.addEventListener("input", layout);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    layout();
  }

  IW.onPage(setup);
})();
