/* Intervisiewijzer: the print button, and ticks and notes kept in this browser only, with
   a button that clears them for the next meeting. Paper shows what was typed: each note
   has a copy that only print shows, which grows with the text (a text field would cut it
   off), and a signature block shows a line for each member of the group. */
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

  /* What a person typed in a field, to be cleared for the next meeting. */
  function typed(element) {
    return element.type === "checkbox" || element.type === "text" || element.tagName === "TEXTAREA";
  }

  function clear(elements, store) {
    elements.forEach(function (element) {
      if (element.type === "checkbox") element.checked = false;
      else element.value = element.defaultValue;
      store.removeItem(key(element));
      element.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  /* The note as paper shows it: all its text, on ruled lines (print.css). */
  function mirror(textarea) {
    var copy = document.createElement("div");
    copy.className = "iw-field__print";
    copy.hidden = true;
    copy.setAttribute("aria-hidden", "true");
    textarea.after(copy);
    textarea.parentNode.setAttribute("data-mirrored", "");
    function update() {
      copy.textContent = textarea.value;
    }
    textarea.addEventListener("input", update);
    update();
  }

  /* As many signature lines as the group has members. */
  function signatures(block) {
    var count = block.querySelector("[data-signature-count]");
    var rows = Array.prototype.slice.call(block.querySelectorAll("[data-signature-row]"));
    function update() {
      var members = IW.whole(count.value);
      var shown = members === null ? rows.length : Math.min(Math.max(members, 1), rows.length);
      rows.forEach(function (row, i) { row.hidden = i >= shown; });
    }
    count.parentNode.hidden = false;
    count.addEventListener("input", update);
    update();
  }

  function setup() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    var store = IW.storage("localStorage");
    var kept = Array.prototype.slice.call(document.querySelectorAll("article [data-keep][id]"));
    if (store) {
      kept.forEach(function (element) {
        keep(element, store);
      });
    }
    kept.filter(function (element) { return element.tagName === "TEXTAREA"; }).forEach(mirror);
    document.querySelectorAll("[data-signatures]").forEach(signatures);
    if (!store) return;
    document.querySelectorAll("[data-clear]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        clear(kept.filter(typed), store);
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
