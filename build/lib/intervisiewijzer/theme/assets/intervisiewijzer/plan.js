/* Intervisiewijzer: one plan for a meeting on every page of a method that shows times
   (draaiboek, role cards, clock). The plans for every workable length are computed at
   build time and carried by the page (data-plans); the chosen length travels in the
   address (?tijd=90), so that a printed or shared page shows the same minutes. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;

  function chosenLength(plans) {
    var wanted = IW.whole(new URLSearchParams(location.search).get("tijd"));
    return wanted !== null && planFor(plans, wanted) ? wanted : null;
  }

  function planFor(plans, total) {
    var index = total - plans.from;
    return index >= 0 && index < plans.plans.length ? plans.plans[index] : null;
  }

  /* Write a plan's minutes into the page: every element marked with its step's number,
     the clocks (data-offset), totals (data-plan-total) and the end (data-plan-end). */
  function show(minutes) {
    var offsets = [];
    var offset = 0;
    minutes.forEach(function (m) {
      offsets.push(offset);
      offset += m;
    });
    document.querySelectorAll("[data-step-minutes]").forEach(function (element) {
      var step = parseInt(element.getAttribute("data-step-minutes"), 10) - 1;
      element.textContent = minutes[step] + " min";
    });
    document.querySelectorAll(".iw-script__step:not(.iw-script__end) .iw-clock[data-offset]").forEach(function (cell, i) {
      cell.setAttribute("data-offset", offsets[i]);
    });
    document.querySelectorAll("[data-plan-end]").forEach(function (cell) {
      cell.setAttribute("data-offset", offset);
    });
    document.querySelectorAll("[data-plan-total]").forEach(function (element) {
      element.textContent = offset;
    });
    drawClock();
    return offset;
  }

  function drawClock() {
    var input = document.querySelector("[data-start-time]");
    if (!input) return;
    var start = IW.minutesOf(input.value);
    if (start === null) start = 0;
    document.querySelectorAll(".iw-clock[data-offset]").forEach(function (cell) {
      cell.textContent = IW.clock(start + parseInt(cell.getAttribute("data-offset"), 10));
    });
    document.querySelectorAll("[data-start-text]").forEach(function (element) {
      element.textContent = IW.clock(start);
    });
  }

  function remember(total, ownTotal) {
    var query = new URLSearchParams(location.search);
    if (total === ownTotal) query.delete("tijd");
    else query.set("tijd", String(total));
    var search = query.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    /* Links to the method's other printouts carry the same plan. */
    document.querySelectorAll("a[data-keeps-plan]").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), location.href);
      if (total === ownTotal) url.searchParams.delete("tijd");
      else url.searchParams.set("tijd", String(total));
      link.href = url.pathname + url.search;
    });
  }

  function setupPlanner(box, plans) {
    var input = box.querySelector("#iw-duration");
    var status = box.querySelector(".iw-session-planner__status");
    var buttons = box.querySelectorAll("[data-plan-time]");
    var ownTotal = IW.whole(box.getAttribute("data-own"));
    var shortest = IW.whole(box.getAttribute("data-shortest"));
    var longest = IW.whole(box.getAttribute("data-longest"));
    var sourceMin = IW.whole(box.getAttribute("data-source-min"));

    function apply() {
      var wanted = IW.whole(input.value);
      var total = wanted;
      var message;
      input.removeAttribute("aria-invalid");
      if (wanted === null) {
        total = ownTotal;
        input.setAttribute("aria-invalid", "true");
        message = "Vul een aantal minuten in, bijvoorbeeld 90.";
      } else if (wanted < shortest) {
        total = shortest;
        input.setAttribute("aria-invalid", "true");
        message = wanted + " minuten is te kort voor deze methode. Je hebt minstens " + shortest +
          " minuten nodig. Het schema hieronder duurt daarom " + shortest + " minuten.";
      } else if (wanted > longest) {
        total = longest;
        input.setAttribute("aria-invalid", "true");
        message = "Langer dan " + longest + " minuten maakt de stappen niet beter. Plan een pauze of een tweede casus. " +
          "Het schema hieronder duurt " + longest + " minuten.";
      } else if (wanted === ownTotal) {
        message = "Dit is de tijd van de methode zelf: " + ownTotal + " minuten.";
      } else {
        message = "De stappen duren samen " + wanted + " minuten. Elke stap krijgt naar verhouding meer of minder tijd.";
      }
      if (sourceMin !== null && total < sourceMin) {
        message += " Let op: de bronnen noemen minstens " + sourceMin + " minuten voor deze methode.";
      }
      status.textContent = message;
      show(planFor(plans, total));
      remember(total, ownTotal);
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(IW.whole(button.getAttribute("data-plan-time")) === total));
      });
    }

    input.addEventListener("input", apply);
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        input.value = button.getAttribute("data-plan-time");
        apply();
      });
    });
    var chosen = chosenLength(plans);
    if (chosen !== null) input.value = chosen;
    box.hidden = false;
    apply();
  }

  function setup() {
    var start = document.querySelector("[data-start-time]");
    if (start) {
      start.addEventListener("input", drawClock);
      drawClock();
    }
    var plans = IW.pageData("plans");
    if (!plans) return;
    var box = document.querySelector("[data-session-planner]");
    if (box) {
      setupPlanner(box, plans);
      return;
    }
    var chosen = chosenLength(plans);
    if (chosen !== null) show(planFor(plans, chosen));
  }

  IW.onPage(setup);
  IW.plans = { planFor: planFor, chosenLength: chosenLength };
})();
