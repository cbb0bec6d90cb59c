/* Intervisiewijzer: the planning logic of macros/planning.py, for the browser.
   Same algorithms, same integer arithmetic, same answers: tests/test_planners_browser.py
   runs both over many cases and compares. Change one, change the other. */
(function (root) {
  "use strict";

  var MIN_STEP_MINUTES = 2;
  var SERIES_ROLES = ["inbrenger", "procesbegeleider", "tijdbewaker", "verslaglegger"];
  var MIN_PARTICIPANTS = 3;

  function sum(values) {
    return values.reduce(function (a, b) {
      return a + b;
    }, 0);
  }

  function stepMinimums(minutes) {
    return minutes.map(function (m) {
      return Math.min(m, Math.max(MIN_STEP_MINUTES, Math.ceil(m / 2)));
    });
  }

  function shortestTime(minutes) {
    return sum(stepMinimums(minutes));
  }

  /* Step times scaled to `total` minutes; null when `total` is below the minimums. */
  function scaleSteps(minutes, total, minimum) {
    var floors;
    if (minimum === undefined || minimum === null) floors = stepMinimums(minutes);
    else if (typeof minimum === "number") floors = minutes.map(function () { return minimum; });
    else floors = minimum.slice();
    if (total < sum(floors)) return null;

    var n = minutes.length;
    var fixed = minutes.map(function () { return false; });
    var rest, weight, i;
    for (;;) {
      rest = total;
      weight = 0;
      for (i = 0; i < n; i++) {
        if (fixed[i]) rest -= floors[i];
        else weight += minutes[i];
      }
      var below = [];
      for (i = 0; i < n; i++) {
        if (!fixed[i] && minutes[i] * rest < floors[i] * weight) below.push(i);
      }
      if (!below.length) break;
      below.forEach(function (j) { fixed[j] = true; });
    }

    var result = [];
    var free = [];
    for (i = 0; i < n; i++) {
      if (fixed[i]) {
        result.push(floors[i]);
      } else {
        result.push(Math.floor((minutes[i] * rest) / weight));
        free.push(i);
      }
    }
    var left = total - sum(result);
    free.sort(function (a, b) {
      return ((minutes[b] * rest) % weight) - ((minutes[a] * rest) % weight) || a - b;
    });
    free.slice(0, left).forEach(function (j) { result[j] += 1; });
    return result;
  }

  function roleOffsets(participants, meetings, roles) {
    var extra = meetings % participants;
    var bestSpread = participants + 1;
    var best = [];
    var target = (roles * extra) % participants === 0 ? 0 : 1;

    function spread(offsets) {
      var load = [];
      for (var p = 0; p < participants; p++) load.push(0);
      offsets.forEach(function (offset) {
        for (var j = 0; j < extra; j++) load[(offset + j) % participants] += 1;
      });
      return Math.max.apply(null, load) - Math.min.apply(null, load);
    }

    function search(chosen) {
      if (chosen.length === roles) {
        var value = spread(chosen);
        if (value < bestSpread) {
          bestSpread = value;
          best = chosen.slice();
        }
        return value <= target;
      }
      for (var offset = 1; offset < participants; offset++) {
        if (chosen.indexOf(offset) === -1 && search(chosen.concat([offset]))) return true;
      }
      return false;
    }

    search([0]);
    return best;
  }

  /* Per meeting: role id -> index in the list of participants. */
  function rotation(participants, meetings) {
    if (participants < MIN_PARTICIPANTS || meetings < 1) return null;
    var roles = SERIES_ROLES.slice(0, Math.min(SERIES_ROLES.length, participants));
    var offsets = roleOffsets(participants, meetings, roles.length);
    var schedule = [];
    for (var meeting = 0; meeting < meetings; meeting++) {
      var holders = {};
      roles.forEach(function (role, r) {
        holders[role] = (meeting + offsets[r]) % participants;
      });
      schedule.push(holders);
    }
    return schedule;
  }

  /* Dates as "YYYY-MM-DD", computed in UTC so that summer time does not shift a day. */
  function isoDay(time) {
    return new Date(time).toISOString().slice(0, 10);
  }

  function dayTime(iso) {
    var parts = iso.split("-");
    return Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
  }

  function meetingDates(first, meetings, weeksBetween) {
    var start = dayTime(first);
    var dates = [];
    for (var n = 0; n < meetings; n++) dates.push(isoDay(start + n * weeksBetween * 7 * 86400000));
    return dates;
  }

  function icsText(value) {
    return value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n/g, "\n")
      .replace(/\n/g, "\\n");
  }

  function utf8Length(char) {
    var code = char.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }

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

  function compact(iso) {
    return iso.replace(/-/g, "");
  }

  /* events: [{date: "YYYY-MM-DD", summary, description}]; stamp: "YYYYMMDDTHHMMSSZ". */
  function icsCalendar(events, stamp, uidPrefix) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Intervisiewijzer//Planner//NL", "CALSCALE:GREGORIAN"];
    events.forEach(function (event, i) {
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + uidPrefix + "-" + (i + 1) + "@intervisiewijzer",
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + compact(event.date),
        "DTEND;VALUE=DATE:" + compact(isoDay(dayTime(event.date) + 86400000)),
        "SUMMARY:" + icsText(event.summary),
        "DESCRIPTION:" + icsText(event.description),
        "TRANSP:TRANSPARENT",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines
      .map(function (line) {
        return icsFold(line) + "\r\n";
      })
      .join("");
  }

  root.IntervisiePlanning = {
    SERIES_ROLES: SERIES_ROLES,
    MIN_PARTICIPANTS: MIN_PARTICIPANTS,
    stepMinimums: stepMinimums,
    shortestTime: shortestTime,
    scaleSteps: scaleSteps,
    rotation: rotation,
    meetingDates: meetingDates,
    icsCalendar: icsCalendar
  };
})(window);
