/* Intervisiewijzer's service worker: the handbook in this browser's cache, for a room
   without a network. sw.js, at the root of the site, sets self.IW_OFFLINE for its build
   (written by adapters/offline.py) and loads this file. Every address in it is relative
   to the worker, so a site under a path works like one at the root.

   A file of a build never changes until the next build, and a new build brings a new
   worker with a new cache. So a file in the cache is served from it; what is not there
   comes from the network and is kept on the way: every page visited, with what it loads.
   (The first page opened after a new build may still come from the old cache, while the
   new worker fills its own; the next one is new.)
   A visit to one of a method's pages also keeps its other pages and the forms. The
   pages open when the worker starts were loaded before it: it keeps them too.

   Without data (IW_OFFLINE is null, under `mkdocs serve`) the worker removes its caches
   and itself, so a page being edited is never served from a cache. */
(function () {
  "use strict";

  var build = self.IW_OFFLINE;
  var root = new URL("./", self.location.href);
  /* Caches are shared by every site on a host: ours are named after the site's path. */
  var prefix = "intervisiewijzer " + root.pathname + " ";
  var name = build ? prefix + build.version : null;

  function address(path) {
    return new URL(path, root).href;
  }

  /* A page is the same whatever its query (?tijd=90 is for the scripts). */
  function key(url) {
    var clean = new URL(url);
    clean.search = "";
    clean.hash = "";
    return clean.href;
  }

  function oldCaches() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (cache) {
        return cache.indexOf(prefix) === 0 && cache !== name;
      }).map(function (cache) {
        return caches.delete(cache);
      }));
    });
  }

  if (!build) {
    self.addEventListener("install", function () {
      self.skipWaiting();
    });
    self.addEventListener("activate", function (event) {
      event.waitUntil(oldCaches().then(function () {
        return self.registration.unregister();
      }));
    });
    return;
  }

  /* Address -> the addresses kept with it: a method's pages, and the forms. */
  var together = {};
  build.groups.forEach(function (group) {
    var kept = group.concat(build.forms).map(address);
    group.forEach(function (path) {
      together[address(path)] = kept;
    });
  });

  function keepResponse(cache, url, response) {
    if (!response.ok || response.redirected || response.type !== "basic") return Promise.resolve(false);
    return cache.put(url, response).then(function () { return true; });
  }

  /* Fetch and keep one address unless it is kept already; true when it is kept. */
  function keepOne(cache, url) {
    return cache.match(url).then(function (hit) {
      /* no-cache: the browser's own cache may still hold a file of an earlier build. */
      return hit ? true : fetch(url, { cache: "no-cache" }).then(function (response) {
        return keepResponse(cache, url, response);
      });
    }).catch(function () {
      return false;
    });
  }

  function keepAll(urls, progress) {
    var done = 0;
    var failed = 0;
    return caches.open(name).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return keepOne(cache, url).then(function (kept) {
          done += 1;
          if (!kept) failed += 1;
          if (progress) progress(done, failed, urls.length);
        });
      }));
    });
  }

  function withCompany(url) {
    return [url].concat(together[url] || []);
  }

  function offlinePage() {
    var body = "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\">" +
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Niet bewaard</title>" +
      "<body style=\"font-family:sans-serif;margin:2rem auto;max-width:35rem;padding:0 1rem;line-height:1.5\">" +
      "<h1>Deze pagina is niet bewaard</h1><p>Er is geen internet, en deze pagina is nog niet op dit apparaat " +
      "bewaard. De pagina's die je al eens opende, werken wel.</p><p><a href=\"" + root.href + "\">Naar de beginpagina</a></p>";
    return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(keepAll(build.shell.map(address)).then(function () {
      return self.skipWaiting();
    }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(oldCaches().then(function () {
      return self.clients.claim();
    }).then(function () {
      return self.clients.matchAll({ type: "window", includeUncontrolled: true });
    }).then(function (windows) {
      var urls = [];
      windows.forEach(function (client) {
        if (client.url.indexOf(root.href) === 0) urls = urls.concat(withCompany(key(client.url)));
      });
      return keepAll(urls);
    }));
  });

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || request.url.indexOf(root.href) !== 0) return;
    var url = key(request.url);
    if (together[url]) event.waitUntil(keepAll(together[url]));
    event.respondWith(caches.open(name).then(function (cache) {
      return cache.match(url).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          event.waitUntil(keepResponse(cache, url, response.clone()));
          return response;
        }, function () {
          return request.mode === "navigate" ? offlinePage() : Response.error();
        });
      });
    }));
  });

  /* The page asks how much is kept ("count") or to keep the whole handbook ("keep-all"),
     and gets its answers on the port it sends along. */
  self.addEventListener("message", function (event) {
    var port = event.ports[0];
    if (!port) return;
    var all = build.all.map(address);
    if (event.data === "keep-all") {
      event.waitUntil(keepAll(all, function (done, failed, total) {
        port.postMessage({ done: done, failed: failed, total: total });
      }));
    } else if (event.data === "count") {
      event.waitUntil(caches.open(name).then(function (cache) {
        return Promise.all(all.map(function (url) { return cache.match(url); }));
      }).then(function (hits) {
        port.postMessage({ kept: hits.filter(Boolean).length, total: all.length });
      }));
    }
  });
})();
