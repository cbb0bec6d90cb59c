/* Intervisiewijzer: the series planner at planner/. Who brings in a case and who holds
   which role, from the names a group types, and the meetings as calendar entries.
   The rotation is computed at build time for every group and series the form allows
   (data-rotation); dates, names and the calendar file stay in this browser: nothing is
   sent anywhere, and the names are forgotten when the tab closes unless asked.
   Each series has its own id, kept with the names: the calendar entries of a corrected
   series replace their earlier versions (same UID, a higher SEQUENCE only where a meeting
   changed), and another group's series never replaces them. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;
  var NAMES = "intervisiewijzer:planner:namen";
  var REMEMBER = "intervisiewijzer:planner:onthoud";
  var SERIES = "intervisiewijzer:planner:reeksen";
  var KEPT_SERIES = 20;  // the series a browser remembers, the latest last

  var DAY_FORMAT = new Intl.DateTimeFormat("nl-NL", {
    weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC"
  });

  /* ---- Dates, computed in UTC so that summer time does not shift a day ----------- */

  function dayTime(iso) {
    var parts = iso.split("-");
    return Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
  }

  function isoDay(time) {
    return new Date(time).toISOString().slice(0, 10);
  }

  function meetingDates(first, meetings, weeksBetween) {
    var start = dayTime(first);
    var dates = [];
    for (var n = 0; n < meetings; n++) dates.push(isoDay(start + n * weeksBetween * 7 * 86400000));
    return dates;
  }

  function dayLabel(iso) {
    return DAY_FORMAT.format(new Date(dayTime(iso)));
  }

  function today() {
    var now = new Date();
    return isoDay(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  /* ---- The rotation, looked up ------------------------------------------------------ */

  /* Per meeting: role id -> index in the list of participants. */
  function rotation(table, participants, meetings) {
    var offsets = table.offsets[participants - 3][meetings - 1];
    var plan = [];
    for (var meeting = 0; meeting < meetings; meeting++) {
      var holders = {};
      offsets.forEach(function (offset, r) {
        holders[table.roles[r]] = (meeting + offset) % participants;
      });
      plan.push(holders);
    }
    return plan;
  }

  /* ---- The calendar file (RFC 5545) --------------------------------------------------- */

  var TIMEZONE = [
    "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE"
  ];

  function icsText(value) {
    return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  function utf8Length(char) {
    var code = char.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }

  /* A content line folded at 75 octets, never inside a character. */
  function icsFold(line) {
    var parts = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (char) {
      var width = utf8Length(char);
      if (size + width > 75) {
        parts.push(current);
        current = " ";
        size = 1;
      }
      current += char;
      size += width;
    });
    parts.push(current);
    return parts.join("\r\n");
  }

  /* A wall-clock time in Amsterdam, as iCalendar writes it: "20260316T140000". */
  function localStamp(iso, minutes) {
    var time = new Date(dayTime(iso) + minutes * 60000).toISOString();
    return time.slice(0, 10).replace(/-/g, "") + "T" + time.slice(11, 16).replace(":", "") + "00";
  }

  /* events: [{date, start (minutes), length (minutes), summary, description, sequence}] */
  function icsCalendar(events, options) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Intervisiewijzer//Planner//NL", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH"].concat(TIMEZONE);
    events.forEach(function (event, i) {
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + options.series + "-" + (i + 1) + "@intervisiewijzer",
        "SEQUENCE:" + event.sequence,
        "DTSTAMP:" + options.stamp,
        "DTSTART;TZID=Europe/Amsterdam:" + localStamp(event.date, event.start),
        "DTEND;TZID=Europe/Amsterdam:" + localStamp(event.date, event.start + event.length),
        "SUMMARY:" + icsText(event.summary),
        "DESCRIPTION:" + icsText(event.description)
      );
      if (options.place) lines.push("LOCATION:" + icsText(options.place));
      lines.push("TRANSP:OPAQUE", "STATUS:CONFIRMED", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(function (line) { return icsFold(line) + "\r\n"; }).join("");
  }

  /* ---- The page ------------------------------------------------------------------------ */

  function cell(tag, text, attributes) {
    var element = document.createElement(tag);
    element.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    return element;
  }

  /* "Anna, Bram en Chantal" */
  function inWords(names) {
    return names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " en " + names[names.length - 1];
  }

  function namesOf(textarea) {
    return textarea.value.split("\n").map(function (name) { return name.trim(); }).filter(Boolean);
  }

  /* What is wrong with the form, in words; "" when a schedule can be made. */
  function problem(people, meetings, weeks, first, limits) {
    var seen = {};
    var twice = people.filter(function (name) {
      var key = name.toLowerCase();
      var again = seen[key];
      seen[key] = true;
      return again;
    });
    if (people.length < limits.minPeople) return "Vul minstens " + limits.minPeople + " namen in, elke naam op een eigen regel.";
    if (people.length > limits.maxPeople) return "Vul hooguit " + limits.maxPeople + " namen in.";
    if (twice.length) return "Deze naam staat er twee keer: " + twice[0] + ". Maak de namen verschillend.";
    if (meetings === null || meetings < 1 || meetings > limits.maxMeetings) return "Kies 1 tot " + limits.maxMeetings + " bijeenkomsten.";
    if (weeks === null || weeks < 1) return "Kies minstens 1 week tussen twee bijeenkomsten.";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(first)) return "Kies de datum van de eerste bijeenkomst.";
    return "";
  }

  function setupSeries(form, table) {
    var result = document.querySelector("[data-series-result]");
    var example = document.querySelector("[data-series-example]");
    var status = form.querySelector("[data-series-status]");
    var textarea = form.querySelector("#iw-names");
    var remember = form.querySelector("#iw-remember-names");
    var input = function (id) { return form.querySelector("#" + id); };
    var schedule = result.querySelector(".iw-series-table tbody");
    var counts = result.querySelector(".iw-series-counts");
    var roles = Array.prototype.map.call(result.querySelectorAll(".iw-series-table th[data-role]"), function (th) {
      return { id: th.getAttribute("data-role"), name: th.textContent };
    });
    var limits = {
      minPeople: IW.whole(form.getAttribute("data-min-people")),
      maxPeople: IW.whole(form.getAttribute("data-max-people")),
      maxMeetings: IW.whole(input("iw-meetings").getAttribute("max"))
    };
    var local = IW.storage("localStorage");
    var session = IW.storage("sessionStorage");
    var current = null;
    var when = result.querySelector("[data-series-when]");
    var questioner = form.getAttribute("data-questioner");

    /* Names: in this tab only, unless the person asks to keep them on this computer. */
    remember.checked = Boolean(local && local.getItem(REMEMBER) === "1");
    var store = function () { return remember.checked ? local : session; };
    textarea.value = (store() && store().getItem(NAMES)) || "";
    if (!input("iw-first-date").value) input("iw-first-date").value = today();

    /* The series go where the names go: in this tab, or on this computer when asked. */
    function saveNames() {
      if (local) {
        if (remember.checked) local.setItem(REMEMBER, "1");
        else local.removeItem(REMEMBER);
        if (!remember.checked) local.removeItem(NAMES);
      }
      var other = remember.checked ? session : local;
      if (other && store() && other.getItem(SERIES) !== null) {
        store().setItem(SERIES, other.getItem(SERIES));
        other.removeItem(SERIES);
      }
      if (store()) store().setItem(NAMES, textarea.value);
    }

    function drawCounts(people, plan) {
      var head = document.createElement("tr");
      head.appendChild(cell("th", "Naam", { scope: "col" }));
      roles.forEach(function (role) { head.appendChild(cell("th", role.name, { scope: "col" })); });
      counts.tHead.replaceChildren(head);
      counts.tBodies[0].replaceChildren.apply(counts.tBodies[0], people.map(function (name, person) {
        var row = document.createElement("tr");
        row.appendChild(cell("th", name, { scope: "row" }));
        roles.forEach(function (role) {
          var times = plan.filter(function (holders) { return holders[role.id] === person; }).length;
          row.appendChild(cell("td", String(times), { "data-label": role.name }));
        });
        return row;
      }));
    }

    function meetingTime() {
      var start = IW.minutesOf(input("iw-start-time").value);
      var length = IW.whole(input("iw-length").value);
      return { start: start === null ? 14 * 60 : start, length: length || 90, place: input("iw-place").value.trim() };
    }

    function draw() {
      var people = namesOf(textarea);
      var meetings = IW.whole(input("iw-meetings").value);
      var weeks = IW.whole(input("iw-weeks").value);
      var first = input("iw-first-date").value;
      var wrong = problem(people, meetings, weeks, first, limits);
      status.textContent = wrong;
      result.hidden = Boolean(wrong);
      if (wrong) {
        current = null;
        return;
      }
      var plan = rotation(table, people.length, meetings);
      var dates = meetingDates(first, meetings, weeks);
      var time = meetingTime();
      var hours = IW.clock(time.start) + "–" + IW.clock(time.start + time.length);
      when.textContent = meetings + (meetings === 1 ? " bijeenkomst" : " bijeenkomsten, elke " + weeks + (weeks === 1 ? " week" : " weken")) +
        ", van " + IW.clock(time.start) + " tot " + IW.clock(time.start + time.length) + " (" + time.length + " minuten)." +
        (time.place ? " Plaats: " + time.place + "." : "");
      schedule.replaceChildren.apply(schedule, plan.map(function (holders, n) {
        var row = document.createElement("tr");
        row.appendChild(cell("th", String(n + 1), { scope: "row" }));
        row.appendChild(cell("td", dayLabel(dates[n]), { "data-label": "Datum" }));
        row.appendChild(cell("td", hours, { "data-label": "Tijd" }));
        roles.forEach(function (role) {
          row.appendChild(cell("td", role.id in holders ? people[holders[role.id]] : "–", { "data-label": role.name, "data-holder": "" }));
        });
        return row;
      }));
      drawCounts(people, plan);
      current = { people: people, plan: plan, dates: dates };
    }

    /* The series these names belong to: the one planned before with at least half the same
       names (a name corrected, a member joined), or a new one. */
    function seriesOf(people) {
      var all = JSON.parse((store() && store().getItem(SERIES)) || "[]");
      var names = people.map(function (name) { return name.toLowerCase(); });
      var best = null;
      var bestShared = 0;
      all.forEach(function (series) {
        var shared = series.names.filter(function (name) { return names.indexOf(name) !== -1; }).length;
        if (shared > bestShared && 2 * shared >= Math.max(names.length, series.names.length)) {
          best = series;
          bestShared = shared;
        }
      });
      if (!best) {
        var random = new Uint32Array(2);
        crypto.getRandomValues(random);
        best = { id: "reeks-" + Date.now().toString(36) + "-" + random[0].toString(36) + random[1].toString(36), events: [] };
      }
      best.names = names;
      return { series: best, save: function () {
        var others = all.filter(function (series) { return series.id !== best.id; });
        if (store()) store().setItem(SERIES, JSON.stringify(others.concat([best]).slice(-KEPT_SERIES)));
      } };
    }

    /* What a calendar shows of each role holder: every role, and who asks the questions. */
    function description(holders) {
      var lines = roles
        .filter(function (role) { return role.id in holders; })
        .map(function (role) { return role.name + ": " + current.people[holders[role.id]]; });
      var held = Object.keys(holders).map(function (id) { return holders[id]; });
      var others = current.people.filter(function (name, person) { return held.indexOf(person) === -1; });
      if (questioner && others.length) lines.push(questioner + ": " + inWords(others));
      return lines.join("\n");
    }

    function download() {
      if (!current) return;
      var count = current.plan.length;
      var time = meetingTime();
      var found = seriesOf(current.people);
      var events = current.plan.map(function (holders, n) {
        var event = {
          date: current.dates[n],
          start: time.start,
          length: time.length,
          summary: "Intervisie: bijeenkomst " + (n + 1) + " van " + count,
          description: description(holders)
        };
        /* SEQUENCE rises only for a meeting that changed since this series' last file. */
        var print = JSON.stringify([event.date, event.start, event.length, time.place, event.summary, event.description]);
        var before = found.series.events[n];
        event.sequence = !before ? 0 : before.print === print ? before.sequence : before.sequence + 1;
        found.series.events[n] = { print: print, sequence: event.sequence };
        return event;
      });
      found.save();
      var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
      var text = icsCalendar(events, { series: found.series.id, stamp: stamp, place: time.place });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
      link.download = "intervisie.ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    }

    form.addEventListener("input", function (event) {
      if (event.target === textarea || event.target === remember) saveNames();
      draw();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-series-forget]").addEventListener("click", function () {
      textarea.value = "";
      [local, session].forEach(function (s) {
        if (s) {
          s.removeItem(NAMES);
          s.removeItem(SERIES);
        }
      });
      draw();
      textarea.focus();
    });
    result.querySelector("[data-series-ics]").addEventListener("click", download);
    if (example) example.hidden = true;
    form.hidden = false;
    draw();
  }

  IW.onPage(function () {
    var form = document.querySelector("form[data-series-planner]");
    var table = IW.pageData("rotation");
    if (form && table) setupSeries(form, table);
  });
})();
