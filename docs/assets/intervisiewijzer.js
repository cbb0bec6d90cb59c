/* Intervisiewijzer: print buttons, ticks and notes kept in this browser only, and the
   draaiboek clock. Runs on every page, also after Material's instant navigation. */
(function () {
  "use strict";

  var PREFIX = "intervisiewijzer:";

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function clockTime(minutes) {
    var day = ((minutes % 1440) + 1440) % 1440;
    var rest = day % 60;
    return Math.floor(day / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function updateClock(input) {
    var parts = (input.value || "0:00").split(":");
    var start = parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10) || 0;
    document.querySelectorAll(".iw-clock[data-offset]").forEach(function (cell) {
      cell.textContent = clockTime(start + parseInt(cell.getAttribute("data-offset"), 10));
    });
  }

  function keep(element, store) {
    var key = PREFIX + location.pathname + "#" + element.id;
    var saved = store.getItem(key);
    var isBox = element.type === "checkbox";
    if (saved !== null) {
      if (isBox) element.checked = saved === "1";
      else element.value = saved;
    }
    element.addEventListener(isBox ? "change" : "input", function () {
      store.setItem(key, isBox ? (element.checked ? "1" : "0") : element.value);
    });
  }

  function setup() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    var store = storage();
    if (store) {
      document.querySelectorAll("[data-keep][id]").forEach(function (element) {
        keep(element, store);
      });
    }
    var start = document.querySelector("[data-start-time]");
    if (start) {
      start.addEventListener("input", function () {
        updateClock(start);
      });
      updateClock(start);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
