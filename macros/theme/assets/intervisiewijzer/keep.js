/* Intervisiewijzer: the print button, and ticks and notes kept in this browser only, with
   a button that clears them for the next meeting. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;
  var PREFIX = "intervisiewijzer:";

  function keyOf(path, id) {
    return PREFIX + path + "#" + id;
  }

  function key(element) {
    return keyOf(location.pathname, element.id);
  }

  function keep(element, store) {
    var saved = store.getItem(key(element));
    var isBox = element.type === "checkbox";
    if (saved !== null) {
      if (isBox) element.checked = saved === "1";
      else element.value = saved;
    }
    element.addEventListener(isBox ? "change" : "input", function () {
      store.setItem(key(element), isBox ? (element.checked ? "1" : "0") : element.value);
    });
  }

  function clear(elements, store) {
    elements.forEach(function (element) {
      if (element.type === "checkbox") element.checked = false;
      else element.value = element.defaultValue;
      store.removeItem(key(element));
      element.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  function setup() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    var store = IW.storage("localStorage");
    if (!store) return;
    var kept = Array.prototype.slice.call(document.querySelectorAll("article [data-keep][id]"));
    kept.forEach(function (element) {
      keep(element, store);
    });
    document.querySelectorAll("[data-clear]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        clear(kept.filter(function (element) { return element.type === "checkbox" || element.tagName === "TEXTAREA"; }), store);
      });
    });
  }

  /* What another page of the site keeps for one of its fields (the draaiboek's start time
     for the clock times on the role cards), or null. */
  IW.kept = function (path, id) {
    var store = IW.storage("localStorage");
    return store ? store.getItem(keyOf(path, id)) : null;
  };

  IW.onPage(setup);
})();
