/* Intervisiewijzer: the session planner on every draaiboek and the series planner at
   planner/. The logic is in planning.js (the same as macros/planning.py); this file
   only reads the page and writes the results into it. Names stay in this browser:
   nothing is sent anywhere. */
(function () {
  "use strict";

  var P = window.IntervisiePlanning;

  function whole(value) {
    return /^\d+$/.test(String(value).trim()) ? parseInt(value, 10) : null;
  }

  function on(element, type, handler) {
    element.addEventListener(type, handler);
  }

  /* ---- Session planner: fit the draaiboek's steps to the time available ----------- */

  function setupSession(box) {
    var input = box.querySelector("#iw-duration");
    var status = box.querySelector(".iw-session-planner__status");
    var buttons = box.querySelectorAll("[data-plan-time]");
    var cells = document.querySelectorAll(".iw-script td.iw-minutes[data-minutes]");
    var clocks = document.querySelectorAll(".iw-script tbody:not(.iw-script-end) .iw-clock[data-offset]");
    var endClock = document.querySelector(".iw-script-end .iw-clock[data-offset]");
    var endMinutes = document.querySelector(".iw-script-end .iw-minutes");
    var total = document.querySelector("[data-plan-total]");
    var start = document.querySelector("[data-start-time]");
    var own = Array.prototype.map.call(cells, function (cell) {
      return parseInt(cell.getAttribute("data-minutes"), 10);
    });
    var ownTotal = parseInt(box.getAttribute("data-own"), 10);
    var shortest = P.shortestTime(own);

    function show(minutes) {
      var offset = 0;
      minutes.forEach(function (m, i) {
        cells[i].textContent = m;
        clocks[i].setAttribute("data-offset", offset);
        offset += m;
      });
      endClock.setAttribute("data-offset", offset);
      endMinutes.textContent = offset;
      total.textContent = offset;
      // The clock script (intervisiewijzer.js) redraws the clock times on input.
      if (start) start.dispatchEvent(new Event("input"));
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(whole(button.getAttribute("data-plan-time")) === offset));
      });
    }

    function plan() {
      var wanted = whole(input.value);
      input.removeAttribute("aria-invalid");
      if (wanted === null || wanted < 1) {
        input.setAttribute("aria-invalid", "true");
        status.textContent = "Vul een aantal minuten in, bijvoorbeeld 90.";
        show(own);
        return;
      }
      if (wanted < shortest) {
        input.setAttribute("aria-invalid", "true");
        status.textContent =
          wanted + " minuten is te kort voor deze methode. Je hebt minstens " + shortest +
          " minuten nodig. Het schema hieronder duurt daarom " + shortest + " minuten.";
        show(P.scaleSteps(own, shortest));
        return;
      }
      show(P.scaleSteps(own, wanted));
      status.textContent =
        wanted === ownTotal
          ? "Dit is de tijd van de methode zelf: " + ownTotal + " minuten."
          : "De stappen duren samen " + wanted + " minuten. Elke stap krijgt naar verhouding meer of minder tijd.";
    }

    on(input, "input", plan);
    buttons.forEach(function (button) {
      on(button, "click", function () {
        input.value = button.getAttribute("data-plan-time");
        input.dispatchEvent(new Event("input"));
      });
    });
    box.hidden = false;
    plan();
  }

  /* ---- Series planner: who brings in a case and who holds which role ------------- */

  var DAY_FORMAT = new Intl.DateTimeFormat("nl-NL", {
    weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC"
  });

  function dayLabel(iso) {
    var parts = iso.split("-");
    return DAY_FORMAT.format(new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2])));
  }

  function today() {
    var now = new Date();
    var month = now.getMonth() + 1;
    var day = now.getDate();
    return now.getFullYear() + "-" + (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day;
  }

  function cell(tag, text, attributes) {
    var element = document.createElement(tag);
    element.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    return element;
  }

  function names(textarea) {
    return textarea.value
      .split("\n")
      .map(function (name) { return name.trim(); })
      .filter(Boolean);
  }

  /* What is wrong with the form, in words; "" when a schedule can be made. */
  function problem(people, meetings, weeks, first, maxPeople, maxMeetings) {
    var seen = {};
    var twice = people.filter(function (name) {
      var key = name.toLowerCase();
      var again = seen[key];
      seen[key] = true;
      return again;
    });
    if (people.length < P.MIN_PARTICIPANTS) return "Vul minstens drie namen in, elke naam op een eigen regel.";
    if (people.length > maxPeople) return "Vul hooguit " + maxPeople + " namen in.";
    if (twice.length) return "Deze naam staat er twee keer: " + twice[0] + ". Maak de namen verschillend.";
    if (meetings === null || meetings < 1 || meetings > maxMeetings)
      return "Kies 1 tot " + maxMeetings + " bijeenkomsten.";
    if (weeks === null || weeks < 1) return "Kies minstens 1 week tussen twee bijeenkomsten.";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(first)) return "Kies de datum van de eerste bijeenkomst.";
    return "";
  }

  function setupSeries(form) {
    var result = document.querySelector("[data-series-result]");
    var example = document.querySelector("[data-series-example]");
    var status = form.querySelector("[data-series-status]");
    var textarea = form.querySelector("#iw-names");
    var meetingsInput = form.querySelector("#iw-meetings");
    var weeksInput = form.querySelector("#iw-weeks");
    var firstInput = form.querySelector("#iw-first-date");
    var schedule = result.querySelector(".iw-series-table tbody");
    var counts = result.querySelector(".iw-series-counts table");
    var roles = Array.prototype.map.call(result.querySelectorAll(".iw-series-table th[data-role]"), function (th) {
      return { id: th.getAttribute("data-role"), name: th.textContent };
    });
    var maxPeople = whole(form.getAttribute("data-max-people"));
    var maxMeetings = whole(meetingsInput.getAttribute("max"));
    var current = null;

    if (!firstInput.value) firstInput.value = today();

    function drawCounts(people, plan) {
      var head = document.createElement("tr");
      head.appendChild(cell("th", "Naam", { scope: "col" }));
      roles.forEach(function (role) {
        head.appendChild(cell("th", role.name, { scope: "col" }));
      });
      counts.tHead.replaceChildren(head);
      counts.tBodies[0].replaceChildren.apply(
        counts.tBodies[0],
        people.map(function (name, person) {
          var row = document.createElement("tr");
          row.appendChild(cell("th", name, { scope: "row" }));
          roles.forEach(function (role) {
            var times = plan.filter(function (holders) { return holders[role.id] === person; }).length;
            row.appendChild(cell("td", String(times)));
          });
          return row;
        })
      );
    }

    function draw() {
      var people = names(textarea);
      var meetings = whole(meetingsInput.value);
      var weeks = whole(weeksInput.value);
      var wrong = problem(people, meetings, weeks, firstInput.value, maxPeople, maxMeetings);
      status.textContent = wrong;
      result.hidden = Boolean(wrong);
      if (wrong) {
        current = null;
        return;
      }
      var plan = P.rotation(people.length, meetings);
      var dates = P.meetingDates(firstInput.value, meetings, weeks);
      schedule.replaceChildren.apply(
        schedule,
        plan.map(function (holders, n) {
          var row = document.createElement("tr");
          row.appendChild(cell("th", n + 1 + " (" + dayLabel(dates[n]) + ")", { scope: "row" }));
          roles.forEach(function (role) {
            row.appendChild(cell("td", role.id in holders ? people[holders[role.id]] : "–"));
          });
          return row;
        })
      );
      drawCounts(people, plan);
      current = { people: people, plan: plan, dates: dates };
    }

    function download() {
      if (!current) return;
      var count = current.plan.length;
      var events = current.plan.map(function (holders, n) {
        return {
          date: current.dates[n],
          summary: "Intervisie: bijeenkomst " + (n + 1) + " van " + count,
          description: roles
            .filter(function (role) { return role.id in holders; })
            .map(function (role) { return role.name + ": " + current.people[holders[role.id]]; })
            .join("\n")
        };
      });
      var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
      var text = P.icsCalendar(events, stamp, "reeks-" + stamp.toLowerCase());
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
      link.download = "intervisie.ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    }

    on(form, "input", draw);
    on(form, "submit", function (event) {
      event.preventDefault();
    });
    on(form.querySelector("[data-series-forget]"), "click", function () {
      textarea.value = "";
      // intervisiewijzer.js keeps the field on input: this stores the empty list.
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      textarea.focus();
    });
    on(result.querySelector("[data-series-ics]"), "click", download);
    if (example) example.hidden = true;
    form.hidden = false;
    draw();
  }

  function setup() {
    if (!P) return;
    var session = document.querySelector("[data-session-planner]");
    if (session) setupSession(session);
    var series = document.querySelector("form[data-series-planner]");
    if (series) setupSeries(series);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
