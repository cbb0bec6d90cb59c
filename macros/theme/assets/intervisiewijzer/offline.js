/* Intervisiewijzer: the handbook offline. Registers the service worker (sw.js at the root
   of the site, see offline-worker.js) and runs the button that keeps the whole handbook
   on this device, where a page has one (shared/offline.html, on the print overview). */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;
  /* The root of the site, from this script's own address: assets/intervisiewijzer/offline.js. */
  var script = document.currentScript;
  var root = script ? new URL("../../", script.src) : null;
  var supported = root !== null && "serviceWorker" in navigator && window.isSecureContext;

  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href).catch(function () {
      /* No worker (a build without one, or a browser that refuses): the site works online. */
    });
  }

  /* Send the worker a question; every answer comes to `answer`. */
  function ask(question, answer) {
    navigator.serviceWorker.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { answer(event.data); };
      registration.active.postMessage(question, [channel.port2]);
    });
  }

  function setup() {
    var box = document.querySelector("[data-offline]");
    if (!box || !supported) return;
    var button = box.querySelector("[data-offline-keep]");
    var progress = box.querySelector("[data-offline-progress]");
    var status = box.querySelector("[data-offline-status]");
    box.hidden = false;
    ask("count", function (answer) {
      if (answer.kept === answer.total) status.textContent = "Het hele handboek is op dit apparaat bewaard.";
    });
    button.addEventListener("click", function () {
      button.disabled = true;
      progress.hidden = false;
      status.textContent = "Bezig met bewaren ...";
      ask("keep-all", function (answer) {
        progress.max = answer.total;
        progress.value = answer.done;
        if (answer.done < answer.total) return;
        button.disabled = false;
        progress.hidden = true;
        status.textContent = answer.failed === 0 ?
          "Klaar: het hele handboek werkt nu ook zonder internet op dit apparaat." :
          answer.failed + " van de " + answer.total + " bestanden zijn niet bewaard. Probeer het opnieuw als je internet hebt.";
      });
    });
  }

  if (supported) {
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register);
  }
  IW.onPage(setup);
})();
