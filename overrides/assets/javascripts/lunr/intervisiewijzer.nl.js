/* Intervisiewijzer: Dutch query expansion for Material's search worker.
 *
 * Material appends a wildcard to every query term ("begeleiders*"), which skips the
 * stemmer, and lunr matches whole index tokens only, so neither plurals nor parts of
 * Dutch compounds ("verslag" in "reflectieverslag") are found. This script is loaded
 * into the worker right after lunr's Dutch stemmer (the build appends an
 * importScripts call to lunr.nl.min.js) and widens each plain term with its stem, as
 * a prefix and, for stems of five letters or more, anywhere inside a word. Each
 * match found through a widened term is also recorded under the word the reader
 * typed, so that Material does not list that word as missing.
 */
(function (lunr) {
  "use strict";

  var PLAIN = /^([^\s*+\-~^:]+)\*$/;
  var MIN_INFIX = 5;

  function stem(word) {
    var result = lunr.nl.stemmer(new lunr.Token(word, {}));
    return String(result);
  }

  /* The plain words of a query, each with its stem: [[word, stem], ...]. */
  function words(query) {
    return query.split(/\s+/).reduce(function (found, term) {
      var match = PLAIN.exec(term);
      if (match) {
        var word = match[1].toLowerCase();
        found.push([word, stem(word)]);
      }
      return found;
    }, []);
  }

  function expandQuery(query) {
    var extra = words(query).map(function (pair) {
      var root = pair[1];
      var terms = root && root !== pair[0] ? [root + "*"] : [];
      if (root.length >= MIN_INFIX) terms.push("*" + root + "*");
      return terms.join(" ");
    });
    return [query].concat(extra).join(" ").trim();
  }

  function recordTypedWords(results, typed) {
    results.forEach(function (result) {
      var matched = Object.keys(result.matchData.metadata);
      typed.forEach(function (pair) {
        var word = pair[0];
        var root = pair[1];
        var hit = matched.some(function (term) {
          return term.indexOf(root) !== -1 || term.indexOf(word) === 0;
        });
        if (hit && !(word in result.matchData.metadata)) result.matchData.metadata[word] = {};
      });
    });
    return results;
  }

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    return recordTypedWords(search.call(this, expandQuery(query)), words(query));
  };
  lunr.intervisiewijzer = { expandQuery: expandQuery };
})(self.lunr);
