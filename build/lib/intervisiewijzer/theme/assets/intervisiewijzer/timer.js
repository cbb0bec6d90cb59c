/* Intervisiewijzer: the clock for the tijdbewaker on methoden/<method>/klok/. One step at
   a time, large, with the time left; what each role does now and the next step; pause
   and skip, with the keyboard too. At the end of a step a visible signal (and a soft tone
   if asked); the time then counts on as overtime until the group moves on. The clock
   follows the same plan as the draaiboek (?tijd=90). Time is taken from the system clock,
   not counted in ticks, so a busy or throttled tab never makes it run slow; touching or
   scrolling the screen does not stop it. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;

  function twoDigits(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* Seconds as m:ss; a countdown rounds up (0:01 until the very end), overtime down. */
  function mmss(seconds, round) {
    var whole = Math.max(0, (round || Math.ceil)(seconds));
    return Math.floor(whole / 60) + ":" + twoDigits(whole % 60);
  }

  function tone() {
    try {
      var Audio = window.AudioContext || window.webkitAudioContext;
      var context = new Audio();
      var oscillator = context.createOscillator();
      var gain = context.createGain();
      oscillator.frequency.value = 660;
      gain.gain.setValueAtTime(0.0001, context.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.15, context.currentTime + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 1.2);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start();
      oscillator.stop(context.currentTime + 1.3);
    } catch (error) {
      /* No sound: the visible signal is enough. */
    }
  }

  function setup() {
    var root = document.querySelector("[data-timer]");
    var plans = IW.pageData("plans");
    if (!root || !plans) return;
    var panel = root.querySelector("[data-timer-panel]");
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-timer-steps] > li"));
    var el = function (name) { return root.querySelector("[data-timer-" + name + "]"); };
    var sound = root.querySelector("#iw-timer-sound");

    /* The plan: the length in the address (plan.js writes it into the page), or the method's own. */
    var chosen = IW.plans.chosenLength(plans);
    var plan = IW.plans.planFor(plans, chosen !== null ? chosen : IW.whole(root.getAttribute("data-own")));
    var steps = items.map(function (item, i) {
      return { title: item.getAttribute("data-title"), seconds: plan[i] * 60, roles: item.querySelector("dl") };
    });

    var current = 0;
    var spent = 0; /* seconds spent in the current step before the last start */
    var startedAt = null; /* Date.now() at the last start, or null when paused */
    var signalled = false;
    var wakeLock = null;

    function elapsed() {
      return spent + (startedAt === null ? 0 : (Date.now() - startedAt) / 1000);
    }

    function draw() {
      var step = steps[current];
      var left = step.seconds - elapsed();
      el("position").textContent = "Stap " + (current + 1) + " van " + steps.length;
      el("title").textContent = current + 1 + ". " + step.title;
      if (left > 0) {
        el("left").textContent = mmss(left);
        root.classList.remove("iw-timer--over");
      } else {
        el("left").textContent = "+" + mmss(-left, Math.floor);
        root.classList.add("iw-timer--over");
        if (!signalled) {
          signalled = true;
          el("signal").textContent = "De tijd van deze stap is om." +
            (current + 1 < steps.length ? " Ga door naar de volgende stap als de groep zover is." : " Dit was de laatste stap.");
          root.classList.add("iw-timer--signal");
          setTimeout(function () { root.classList.remove("iw-timer--signal"); }, 4000);
          if (sound && sound.checked) tone();
        }
      }
      el("progress").style.width = Math.min(100, (100 * elapsed()) / step.seconds) + "%";
      el("total").textContent = plan.reduce(function (a, b) { return a + b; }, 0);
      el("toggle").textContent = startedAt === null ? (elapsed() > 0 ? "Verder" : "Start") : "Pauze";
      el("toggle").setAttribute("aria-pressed", String(startedAt !== null));
      el("back").disabled = current === 0;
      el("skip").disabled = current + 1 >= steps.length;
      var next = steps[current + 1];
      el("next").textContent = next ? "Hierna: " + (current + 2) + ". " + next.title + " (" + next.seconds / 60 + " min)" : "Dit is de laatste stap.";
    }

    function showRoles() {
      el("roles").replaceChildren.apply(el("roles"), Array.prototype.map.call(steps[current].roles.children, function (child) {
        return child.cloneNode(true);
      }));
    }

    function go(index) {
      var running = startedAt !== null;
      current = Math.max(0, Math.min(steps.length - 1, index));
      spent = 0;
      startedAt = running ? Date.now() : null;
      signalled = false;
      el("signal").textContent = "";
      showRoles();
      draw();
    }

    function keepAwake(on) {
      if (!("wakeLock" in navigator)) return;
      if (on && !wakeLock) {
        navigator.wakeLock.request("screen").then(function (lock) { wakeLock = lock; }, function () {});
      } else if (!on && wakeLock) {
        wakeLock.release();
        wakeLock = null;
      }
    }

    function toggle() {
      if (startedAt === null) {
        startedAt = Date.now();
      } else {
        spent = elapsed();
        startedAt = null;
      }
      keepAwake(startedAt !== null);
      draw();
    }

    el("toggle").addEventListener("click", toggle);
    el("skip").addEventListener("click", function () { go(current + 1); });
    el("back").addEventListener("click", function () { go(current - 1); });
    document.addEventListener("keydown", function (event) {
      if (!document.body.contains(root) || event.altKey || event.ctrlKey || event.metaKey) return;
      var target = event.target;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && target.type !== "checkbox") return;
      if (event.key === " " && !(target && target.tagName === "BUTTON")) {
        event.preventDefault();
        toggle();
      } else if (event.key === "ArrowRight") {
        go(current + 1);
      } else if (event.key === "ArrowLeft") {
        go(current - 1);
      }
    });
    var ticking = setInterval(function () {
      if (!document.body.contains(root)) clearInterval(ticking);
      else if (startedAt !== null) draw();
    }, 250);

    panel.hidden = false;
    root.classList.add("iw-timer--running-js");
    showRoles();
    draw();
  }

  IW.onPage(setup);
})();
