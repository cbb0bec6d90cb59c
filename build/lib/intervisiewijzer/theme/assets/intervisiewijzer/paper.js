/* Intervisiewijzer: a printed sheet always carries a full address. The footer line on
   every sheet names the page, the site, the page's address and the licence; a link to
   another page prints the site's address in front of its own. The address is the site's
   own (site_url) when the handbook was built with one, else the address the page was
   opened from; with the chosen plan in it (?tijd=90), so that a sheet leads back to the
   same minutes. Written again for every page (instant navigation) and before printing. */
(function () {
  "use strict";

  var IW = window.Intervisiewijzer;

  function cssString(text) {
    return '"' + String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ") + '"';
  }

  /* The site's root as this browser sees it: Material's scope, or the config's base. */
  function localRoot() {
    if (window.__md_scope) return String(window.__md_scope);
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href).href;
  }

  function write() {
    var style = document.querySelector("style[data-iw-paper]");
    if (!style) return;
    var local = localRoot();
    var root = style.getAttribute("data-site-url") || local;
    var here = location.href.indexOf(local) === 0 ? root + location.href.slice(local.length) : location.href;
    var heading = document.querySelector("article h1");
    var title = heading ? heading.textContent.trim() : document.title;
    var line = cssString([title, style.getAttribute("data-site-name"), here.replace(/#.*$/, ""), style.getAttribute("data-licence")]
      .filter(Boolean).join(" · "));
    var footer = "font: 8pt sans-serif; color: #000;";
    var count = 'content: counter(page) " / " counter(pages); font: 8pt sans-serif;';
    style.textContent =
      ":root { --iw-site: " + cssString(root) + "; }\n" +
      "@page { @bottom-left { content: " + line + "; " + footer + " } @bottom-right { " + count + " } }\n" +
      "@page cards { @bottom-left { content: " + line + "; " + footer + " margin-left: 6mm; } @bottom-right { " + count + " margin-right: 6mm; } }";
  }

  window.addEventListener("beforeprint", write);
  IW.onPage(write);
})();
