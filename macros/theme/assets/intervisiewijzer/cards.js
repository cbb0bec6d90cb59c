/* Intervisiewijzer: role cards for the whole group, one card per person. The page prints
   the cards for the group it opens with, complete without JavaScript. For another group,
   or with the roles a group adds, this script deals them again. How many people hold each
   role was worked out at build time for every group (data-deals); the script copies each
   role's cards (<template data-hands>) that many times and lays them out four to an A4
   sheet. The choice is kept in the address (?deelnemers=7&rollen=tijdbewaker). Clock times
   on a card count from the start time kept on the draaiboek, in the plan of the address
   (?tijd=90). */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;
  var PER_SHEET = 4;

  /* The minutes of the plan in the address, written into the cards; null for the method's own. */
  function applyPlan(root) {
    var plans = IW.pageData("plans");
    var total = plans && IW.plans ? IW.plans.chosenLength(plans) : null;
    if (total === null) return null;
    var minutes = IW.plans.planFor(plans, total);
    root.querySelectorAll("[data-step-minutes]").forEach(function (element) {
      element.textContent = minutes[parseInt(element.getAttribute("data-step-minutes"), 10) - 1] + " min";
    });
    root.querySelectorAll("[data-plan-total]").forEach(function (element) {
      element.textContent = total;
    });
    return minutes;
  }

  /* Clock times from the draaiboek's start time: the offset of each step in the plan. */
  function drawClocks(deck, minutes, start) {
    deck.querySelectorAll(".role-card__clock[data-offset]").forEach(function (element) {
      var offset = parseInt(element.getAttribute("data-offset"), 10);
      if (minutes) {
        var step = parseInt(element.parentNode.querySelector("[data-step-minutes]").getAttribute("data-step-minutes"), 10);
        offset = minutes.slice(0, step - 1).reduce(function (sum, m) { return sum + m; }, 0);
      }
      element.textContent = IW.clock(start + offset);
    });
  }

  /* A copy of a card; the first holder's card keeps the role's anchor. */
  function copy(card, first) {
    var clone = card.cloneNode(true);
    clone.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
    if (first && clone.hasAttribute("data-anchor")) clone.querySelector(".role-card__role").id = clone.getAttribute("data-anchor");
    return clone;
  }

  /* The cards for a group of `people` that adds the roles `added`, dealt from the hands
     (the elements [data-hand] under `hands`) by the build's table; null when the group
     does not fit its roles. */
  function deal(hands, deals, people, added) {
    var table = deals.copies[added.join(",")];
    var copies = people !== null && people >= 1 && people <= table.length ? table[people - 1] : null;
    if (!copies) return null;
    var cards = [];
    deals.hands.forEach(function (role, i) {
      var held = hands.querySelectorAll("[data-hand='" + role + "'] .role-card");
      for (var n = 0; n < copies[i]; n++) {
        held.forEach(function (card) { cards.push(copy(card, n === 0)); });
      }
    });
    return cards;
  }

  /* Cards four to an A4 sheet, so that print never splits a card over two sheets. */
  function sheetsOf(cards) {
    var sheets = [];
    for (var i = 0; i < cards.length; i += PER_SHEET) {
      var sheet = document.createElement("div");
      sheet.className = "card-sheet";
      cards.slice(i, i + PER_SHEET).forEach(function (card) { sheet.appendChild(card); });
      sheets.push(sheet);
    }
    return sheets;
  }

  function startTime(deals) {
    var link = document.querySelector("[data-cards-start]");
    var draaiboek = document.querySelector("a[data-cards-draaiboek]");
    var kept = draaiboek && IW.kept ? IW.minutesOf(IW.kept(new URL(draaiboek.href).pathname, "iw-start")) : null;
    var start = kept === null ? deals.start : kept;
    if (link) link.textContent = IW.clock(start);
    return start;
  }

  function setup() {
    var form = document.querySelector("[data-cards-form]");
    var deck = document.querySelector(".role-cards");
    var hands = document.querySelector("template[data-hands]");
    var deals = IW.pageData("deals");
    if (!form || !deck || !hands || !deals) return;
    var people = form.querySelector("#iw-people");
    var extras = Array.prototype.slice.call(form.querySelectorAll("[data-extra-role]"));
    var status = form.querySelector("[data-cards-status]");
    var outside = form.querySelector("[data-cards-outside]");
    var minutes = applyPlan(hands.content);
    var start = startTime(deals);

    var query = new URLSearchParams(location.search);
    if (IW.whole(query.get("deelnemers")) !== null) people.value = query.get("deelnemers");
    var chosen = (query.get("rollen") || "").split(",");
    extras.forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });

    function warn(count) {
      var larger = deals.max !== null && count > deals.max;
      var smaller = count < deals.min;
      outside.hidden = !(larger || smaller);
      outside.querySelector("[data-cards-larger]").hidden = !larger;
      outside.querySelector("[data-cards-smaller]").hidden = !smaller;
      document.querySelectorAll("[data-cards-people]").forEach(function (element) { element.textContent = count; });
    }

    function layout() {
      var used = extras.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      var count = IW.whole(people.value);
      var cards = deal(hands.content, deals, count, used);
      remember(used);
      if (!cards) {
        var table = deals.copies[used.join(",")];
        people.setAttribute("aria-invalid", "true");
        outside.hidden = true;
        var least = table.findIndex(function (row) { return row !== null; }) + 1;
        status.textContent = count !== null && count > table.length
          ? "De kaarten zijn er voor hooguit " + table.length + " deelnemers."
          : "Voor deze rollen zijn minstens " + least + " deelnemers nodig.";
        return;
      }
      people.removeAttribute("aria-invalid");
      var sheets = sheetsOf(cards);
      deck.replaceChildren.apply(deck, sheets);
      drawClocks(deck, minutes, start);
      status.textContent = cards.length + " kaarten op " + sheets.length + " vel" + (sheets.length === 1 ? "" : "len") +
        " A4 voor " + count + " deelnemers.";
      warn(count);
    }

    function remember(used) {
      var next = new URLSearchParams(location.search);
      next.set("deelnemers", people.value);
      if (used.length) next.set("rollen", used.join(","));
      else next.delete("rollen");
      history.replaceState(history.state, "", location.pathname + "?" + next.toString() + location.hash);
    }

    form.addEventListener("input", layout);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    layout();
  }

  IW.onPage(setup);
  IW.cards = { deal: deal, sheets: sheetsOf };
})();
