/* Intervisiewijzer: helpers every other script of the site uses, once. */
(function (root) {
  "use strict";

  /* Run `setup` on every page, also after Material's instant navigation. */
  function onPage(setup) {
    if (root.document$ && typeof root.document$.subscribe === "function") root.document$.subscribe(setup);
    else document.addEventListener("DOMContentLoaded", setup);
  }

  /* A whole number typed by a person, or null. */
  function whole(value) {
    var text = String(value === undefined || value === null ? "" : value).trim();
    return /^\d+$/.test(text) ? parseInt(text, 10) : null;
  }

  /* Minutes as a time of day: 1170 -> "19:30" (24 hours, as on paper). */
  function clock(minutes) {
    var day = ((minutes % 1440) + 1440) % 1440;
    var rest = day % 60;
    return Math.floor(day / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  /* "19:30" or "7:05" -> minutes after midnight, or null. */
  function minutesOf(time) {
    var match = /^(\d{1,2}):(\d{2})/.exec(time || "");
    return match ? parseInt(match[1], 10) * 60 + parseInt(match[2], 10) : null;
  }

  /* The JSON a page carries for its scripts, in the attribute data-NAME of the element it
     belongs to. Not in a <script type="application/json">: Material's instant navigation
     re-creates inline scripts without their attributes, and runs the JSON as a script. */
  function pageData(name) {
    var element = document.querySelector("[data-" + name + "]");
    return element ? JSON.parse(element.getAttribute("data-" + name)) : null;
  }

  function storage(kind) {
    try {
      return root[kind];
    } catch (error) {
      return null;
    }
  }

  root.Intervisiewijzer = {
    onPage: onPage,
    whole: whole,
    clock: clock,
    minutesOf: minutesOf,
    pageData: pageData,
    storage: storage
  };
})(window);
