/* Intervisiewijzer: the clock for the tijdbewaker on methoden/<method>/klok/. One step at
   a time, large, with the time left; what each role does now and the next step.

   Made for a room: Space starts and pauses wherever the focus is (a clicked button lets
   go of it), the arrows go to the next or previous step. The state (step, plan, time
   spent, running or paused, the planned end) is kept in localStorage under the method
   and the plan, so a reload or a phone that drops the tab resumes the meeting. At the end
   of a step the whole screen changes colour until someone acts, a tone sounds (once a
   person has started the clock: browsers allow sound only after a gesture) and a phone
   vibrates. The planned end of the meeting is shown; when the group runs late, the clock
   offers to shorten the remaining steps from the plans computed at build time (never
   below a step's minimum) or to run on. Time is taken from the system clock, not counted
   in ticks, so a busy or throttled tab never makes it run slow. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;
  var MINUTE = 60000;
  var PREFIX = "intervisiewijzer:klok:";
  /* A meeting nobody touched for this long is over: the next visit starts afresh. */
  var FORGET_AFTER = 12 * 60 * MINUTE;
  /* The clock on the page shown now; instant navigation keeps this script loaded. */
  var active = null;
  var audio = null;

  function twoDigits(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* Seconds as m:ss; a countdown rounds up (0:01 until the very end), overtime down. */
  function mmss(seconds, round) {
    var whole = Math.max(0, (round || Math.ceil)(seconds));
    return Math.floor(whole / 60) + ":" + twoDigits(whole % 60);
  }

  function timeOfDay(ms) {
    var date = new Date(ms);
    return IW.clock(date.getHours() * 60 + date.getMinutes());
  }

  function sum(list) {
    return list.reduce(function (a, b) { return a + b; }, 0);
  }

  /* The remaining steps from `from` on, shortened to fit `room` minutes: the longest
     ending of a plan computed at build time that fits, or, when none does, the shortest
     plan's (every step at its minimum). */
  function shortened(plans, from, room) {
    var best = plans.plans[0].slice(from);
    plans.plans.forEach(function (plan) {
      var rest = plan.slice(from);
      if (sum(rest) <= room && sum(rest) > sum(best)) best = rest;
    });
    return best;
  }

  /* Sound needs an audio context made or resumed in a person's gesture. */
  function unlockSound() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      if (!audio) audio = new Context();
      if (audio.state === "suspended") audio.resume();
    } catch (error) {
      audio = null;
    }
  }

  function soundReady() {
    return audio !== null && audio.state === "running";
  }

  /* Three clear beeps, loud enough for a room. */
  function tone() {
    if (!soundReady()) return;
    [0, 0.4, 0.8].forEach(function (delay) {
      var at = audio.currentTime + delay;
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.type = "triangle";
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.8, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.32);
    });
  }

  /* Where a key press is someone typing or ticking a box: the key is theirs. */
  function ownsKeys(target) {
    if (!target || !target.tagName) return false;
    if (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)) return true;
    return target.tagName === "INPUT";
  }

  function Clock(root, plans) {
    var el = function (name) { return root.querySelector("[data-timer-" + name + "]"); };
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-timer-steps] > li"));
    var sound = root.querySelector("#iw-timer-sound");
    var store = IW.storage("localStorage");

    /* The plan: the length chosen in the address (?tijd=90, as on the draaiboek), or the method's own. */
    var chosen = IW.plans.chosenLength(plans);
    var planned = IW.plans.planFor(plans, chosen !== null ? chosen : IW.whole(root.getAttribute("data-own")));
    var key = PREFIX + root.getAttribute("data-method") + ":" + sum(planned);
    var state = restore() || fresh();
    var wakeLock = null;

    function fresh() {
      return {
        step: 0,
        minutes: planned.slice(), /* per step; shortened when the group catches up */
        spent: 0, /* ms spent in the current step before `since` */
        since: null, /* Date.now() at the last start, or null when paused */
        end: null, /* the planned end of the meeting (ms), set when the clock is first started */
        signalled: false, /* the end of the current step has been signalled */
        alarm: false, /* the screen shows that signal until someone acts */
        decided: -1 /* the step in which the group chose to shorten or to run on */
      };
    }

    function restore() {
      var saved = null;
      try {
        saved = store && JSON.parse(store.getItem(key));
      } catch (error) {
        saved = null;
      }
      var fits = saved && Array.isArray(saved.minutes) && saved.minutes.length === planned.length &&
        saved.step >= 0 && saved.step < planned.length && Date.now() - saved.saved < FORGET_AFTER;
      return fits ? saved : null;
    }

    function save() {
      state.saved = Date.now();
      try {
        if (store) store.setItem(key, JSON.stringify(state));
      } catch (error) {
        /* Storage full or refused: the clock runs on, it only forgets on a reload. */
      }
    }

    function running() {
      return state.since !== null;
    }

    function elapsed(now) {
      return state.spent + (running() ? now - state.since : 0);
    }

    function left(now) {
      return state.minutes[state.step] * MINUTE - elapsed(now);
    }

    /* When the meeting ends if the current step ends on time (or now, when it is over)
       and the remaining steps take their planned minutes. */
    function expectedEnd(now) {
      return now + Math.max(0, left(now)) + sum(state.minutes.slice(state.step + 1)) * MINUTE;
    }

    /* The remaining steps fitted into the time up to the planned end. */
    function catchUp(now) {
      var room = Math.floor((state.end - now - Math.max(0, left(now))) / MINUTE);
      return shortened(plans, state.step + 1, room);
    }

    function keepAwake() {
      if (!("wakeLock" in navigator)) return;
      var wanted = running() && active === api && document.visibilityState === "visible";
      if (wanted && wakeLock === null) {
        wakeLock = "asked";
        navigator.wakeLock.request("screen").then(function (lock) {
          wakeLock = lock;
          lock.addEventListener("release", function () {
            if (wakeLock === lock) wakeLock = null;
          });
          if (!running() || active !== api) keepAwake();
        }, function () {
          wakeLock = null;
        });
      } else if (!wanted && wakeLock !== null && wakeLock !== "asked") {
        wakeLock.release();
        wakeLock = null;
      }
    }

    function showStep() {
      var item = items[state.step];
      el("title").textContent = state.step + 1 + ". " + item.getAttribute("data-title");
      el("roles").replaceChildren.apply(el("roles"), Array.prototype.map.call(item.querySelector("dl").children, function (child) {
        return child.cloneNode(true);
      }));
      items.forEach(function (other, i) {
        if (i === state.step) other.setAttribute("aria-current", "step");
        else other.removeAttribute("aria-current");
        other.querySelector("[data-step-minutes]").textContent = state.minutes[i] + " min";
      });
    }

    /* The meeting is under way: the whole clock on screen, not the top of the page. */
    function showPanel() {
      if (el("panel").getBoundingClientRect().bottom > window.innerHeight) el("panel").scrollIntoView({ block: "start" });
    }

    /* The end of a step is signalled until someone acts; the panel, which covered the
       screen, then takes its place on the page again, at the top of the screen. */
    function quiet() {
      if (!state.alarm) return;
      state.alarm = false;
      root.classList.remove("iw-timer--alarm");
      showPanel();
    }

    function draw() {
      var now = Date.now();
      var rest = left(now);
      var over = rest <= 0;
      var last = state.step + 1 >= items.length;
      if (over && !state.signalled) {
        state.signalled = true;
        state.alarm = true;
        save();
        if (sound.checked) tone();
        if (navigator.vibrate) navigator.vibrate([400, 200, 400, 200, 400]);
      }
      root.classList.toggle("iw-timer--over", over);
      root.classList.toggle("iw-timer--alarm", state.alarm);
      el("position").textContent = "Stap " + (state.step + 1) + " van " + items.length;
      el("total").textContent = sum(state.minutes);
      var digits = over ? "+" + mmss(-rest / 1000, Math.floor) : mmss(rest / 1000);
      el("left").textContent = digits;
      el("left").style.setProperty("--iw-chars", digits.length);
      el("progress").style.width = Math.min(100, (100 * elapsed(now)) / (state.minutes[state.step] * MINUTE)) + "%";
      el("signal").textContent = !over ? "" : "De tijd van deze stap is om." +
        (last ? " Dit was de laatste stap." : " Ga door naar de volgende stap als de groep zover is.") +
        (state.alarm ? " Tik op het scherm of druk op een toets." : "");
      el("toggle").textContent = running() ? "Pauze" : state.end !== null ? "Verder" : "Start";
      el("toggle").setAttribute("aria-pressed", String(running()));
      el("back").disabled = state.step === 0;
      el("skip").disabled = last;
      el("reset").disabled = running();
      var next = items[state.step + 1];
      el("next").textContent = next ? "Hierna: " + (state.step + 2) + ". " + next.getAttribute("data-title") +
        " (" + state.minutes[state.step + 1] + " min)" : "Dit is de laatste stap.";
      el("sound-hint").hidden = !(sound.checked && running() && !soundReady());
      drawEnd(now, last);
    }

    function drawEnd(now, last) {
      var expected = expectedEnd(now);
      var behind = state.end === null ? 0 : expected - state.end;
      var offer = behind >= MINUTE && !last && state.decided !== state.step;
      if (state.end === null) {
        el("end").textContent = "Klaar om " + timeOfDay(expected) + " als je nu start.";
      } else if (behind >= MINUTE) {
        el("end").textContent = Math.floor(behind / MINUTE) + " min achter: klaar om " + timeOfDay(expected) +
          " in plaats van " + timeOfDay(state.end) + ".";
      } else {
        el("end").textContent = "Einde gepland om " + timeOfDay(state.end) + ".";
      }
      root.classList.toggle("iw-timer--behind", behind >= MINUTE);
      el("catch-up").hidden = !offer;
      if (offer) {
        var shorter = now + Math.max(0, left(now)) + sum(catchUp(now)) * MINUTE;
        el("shorten").textContent = "Inkorten: klaar om " + timeOfDay(Math.max(shorter, state.end));
        el("run-on").textContent = "Uitlopen tot " + timeOfDay(expected);
      }
    }

    function go(index) {
      var target = Math.max(0, Math.min(items.length - 1, index));
      if (target === state.step) return;
      state.step = target;
      state.spent = 0;
      state.since = running() ? Date.now() : null;
      state.signalled = false;
      quiet();
      el("note").textContent = "";
      save();
      showStep();
      draw();
    }

    function toggle() {
      var now = Date.now();
      unlockSound();
      if (running()) {
        state.spent = elapsed(now);
        state.since = null;
      } else {
        state.since = now;
        if (state.end === null) {
          state.end = expectedEnd(now);
          showPanel();
        }
      }
      quiet();
      save();
      keepAwake();
      draw();
    }

    function shorten() {
      var now = Date.now();
      var before = state.minutes.slice(state.step + 1);
      state.minutes = state.minutes.slice(0, state.step + 1).concat(catchUp(now));
      var expected = expectedEnd(now);
      var saved = sum(before) - sum(state.minutes.slice(state.step + 1));
      el("note").textContent = expected > state.end ?
        "Korter kan niet: elke stap heeft zijn minimum. De stappen hierna duren samen " + saved + " min korter; klaar om " + timeOfDay(expected) + "." :
        "De stappen hierna duren samen " + saved + " min korter. Zo ben je om " + timeOfDay(state.end) + " klaar.";
      state.end = Math.max(state.end, expected);
      state.decided = state.step;
      save();
      showStep();
      draw();
    }

    function runOn() {
      state.end = Math.max(state.end, expectedEnd(Date.now()));
      state.decided = state.step;
      el("note").textContent = "De bijeenkomst loopt uit: klaar om " + timeOfDay(state.end) + ".";
      save();
      draw();
    }

    function reset() {
      if (running()) return;
      try {
        if (store) store.removeItem(key);
      } catch (error) {
        /* Nothing kept to forget. */
      }
      state = fresh();
      el("note").textContent = "";
      showStep();
      draw();
    }

    function acknowledge() {
      if (!state.alarm) return;
      quiet();
      save();
      draw();
    }

    function fullscreen() {
      var panel = el("panel");
      if (document.fullscreenElement) document.exitFullscreen();
      else panel.requestFullscreen().catch(function () {});
    }

    function onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target)) return;
      if (event.key === " ") {
        /* Also on a focused button: Space starts and pauses, it never presses "next". */
        event.preventDefault();
        if (!event.repeat) toggle();
        return;
      } else if (event.key === "ArrowRight") {
        event.preventDefault();
        go(state.step + 1);
      } else if (event.key === "ArrowLeft") {
        event.preventDefault();
        go(state.step - 1);
      }
      acknowledge();
    }

    function onKeyUp(event) {
      /* A focused button would take a Space as a click when the key goes up. */
      if (event.key === " " && !ownsKeys(event.target)) event.preventDefault();
    }

    function on(name, action) {
      el(name).addEventListener("click", function (event) {
        action();
        /* A mouse or a finger leaves no focus behind that would catch the next Space. */
        if (event.detail > 0) event.currentTarget.blur();
      });
    }

    function attached() {
      return document.body.contains(root);
    }

    function tick() {
      if (!attached()) {
        clearInterval(ticking);
        if (active === api) active = null;
        keepAwake();
        return;
      }
      draw();
    }

    function visible() {
      keepAwake();
      if (attached()) draw();
    }

    on("toggle", toggle);
    on("skip", function () { go(state.step + 1); });
    on("back", function () { go(state.step - 1); });
    on("shorten", shorten);
    on("run-on", runOn);
    on("reset", reset);
    on("fullscreen", fullscreen);
    sound.addEventListener("click", function (event) {
      if (event.detail > 0) sound.blur();
      if (sound.checked) unlockSound();
    });
    if (document.fullscreenEnabled) {
      el("fullscreen").hidden = false;
      document.addEventListener("fullscreenchange", function () {
        el("fullscreen").textContent = document.fullscreenElement ? "Volledig scherm sluiten" : "Volledig scherm";
      });
    }

    var api = { key: onKey, keyUp: onKeyUp, acknowledge: acknowledge, visible: visible };
    active = api;
    el("panel").hidden = false;
    root.classList.add("iw-timer--running-js");
    showStep();
    draw();
    keepAwake();
    if (state.end !== null) showPanel();
    var ticking = setInterval(tick, 250);
    return api;
  }

  function setup() {
    var root = document.querySelector("[data-timer]");
    active = null;
    if (root) new Clock(root, IW.pageData("plans"));
  }

  /* Listeners for every clock page at once: instant navigation swaps the page, not the document. */
  document.addEventListener("keydown", function (event) {
    if (active) active.key(event);
  });
  document.addEventListener("keyup", function (event) {
    if (active) active.keyUp(event);
  });
  document.addEventListener("click", function () {
    if (active) active.acknowledge();
  });
  ["pointerdown", "keydown"].forEach(function (name) {
    document.addEventListener(name, function () {
      if (active && !soundReady()) unlockSound();
    }, true);
  });
  document.addEventListener("visibilitychange", function () {
    if (active) active.visible();
  });

  IW.onPage(setup);
})();
