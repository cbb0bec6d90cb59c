/* Intervisiewijzer: Dutch search for Material's search worker.
 *
 * Loaded into the worker right after lunr's Dutch stemmer (the build appends an
 * importScripts call to lunr.nl.min.js, followed by the word families that
 * macros/adapters/search_index.py gathers). It replaces the query that Material builds
 * from the reader's words:
 *
 * - Question words and stop words do not count, unless the query has nothing else. A word
 *   far more common than the rarest word of the query ("intervisie") adds little, and a
 *   result that lacks it is not shown as lacking a word.
 * - Each remaining word matches index words of its own family: its stem, words that start
 *   with it (plurals, verb forms), compounds that hold it ("verslag" in
 *   "reflectieverslag"), the parts of a compound the reader typed ("intervisiegroep"
 *   finds "groep"), and the words of its family in the data ("supervisor" finds
 *   "supervisie"). A rarer word weighs more, and so does a closer match; lunr adds the
 *   field's weight (title and key terms above running text).
 * - A result that holds more of the reader's words (weighed by rarity) ranks higher, and
 *   so does one whose title or heading is made up of them.
 * - A query that finds nothing is retried with one typing error allowed, then falls back
 *   to the pages that help a reader on: Material then shows the words as missing, and the
 *   search box shows a hint.
 * - The text of each result is cut to a short excerpt around the first match.
 */
(function (lunr) {
  "use strict";

  var PLAIN = /^([^\s*+\-~^:]+)\*$/;
  // Words of a question that say nothing about its subject, beyond lunr's Dutch stop words.
  var QUESTION_WORDS = (
    "hoeveel welke welk waarom wanneer waar waarmee waarvoor wij we jij jullie onze " +
    "kun kunt mag mogen moeten hebt doe doet gaat ga krijg krijgt iemand eigenlijk precies"
  ).split(" ");
  // How much a match of each kind counts, against the stem itself.
  var WEIGHT = { stem: 1, prefix: 0.6, part: 0.5, family: 0.5, compound: 0.3, fuzzy: 0.3 };
  var INFLECTION = 3; // letters after the stem that make a word form, not a compound
  var MIN_PREFIX = 3; // a word being typed ("p") would match a good part of the index
  var MIN_INFIX = 5; // shorter stems are found inside too many compounds
  var MIN_PART = 4; // the shortest part of a compound that counts on its own
  var MIN_TRUNCATE = 8; // "supervisor" and "supervisie" share "supervis"; "coaching" holds "coach"
  var MINOR = 0.2; // a word that weighs less than this share of the rarest word is minor
  var TITLE = 4; // a title or heading made up of the reader's words counts up to 1 + TITLE times
  var COVER = 2; // how steeply a result loses for each of the reader's words it lacks
  var EXCERPT = 180; // characters of text shown under a result
  var FALLBACK = ["intervisie/veelgestelde-vragen/", "intervisie/begrippenlijst/", "methoden/"];

  var families = {}; // stem -> stems of the same family
  var ignored = {}; // words of the last query that do not count

  function stem(word) {
    return String(lunr.nl.stemmer(new lunr.Token(word, {})));
  }

  function isStopWord(word) {
    return !lunr.nl.stopWordFilter(new lunr.Token(word, {})) || QUESTION_WORDS.indexOf(word) !== -1;
  }

  /* The plain words of a query as Material passes it on ("word*"), lowercased, once each. */
  function typedWords(query) {
    var seen = {};
    return query.split(/\s+/).reduce(function (found, term) {
      var match = PLAIN.exec(term);
      var word = match && match[1].toLowerCase();
      if (word && !seen[word]) {
        seen[word] = true;
        found.push(word);
      }
      return found;
    }, []);
  }

  /* What lunr knows of its index, computed once: its words and its number of entries. */
  function vocabulary(index) {
    if (index.iwVocabulary) return index.iwVocabulary;
    var tokens = Object.keys(index.invertedIndex);
    var docCount = Object.keys(index.fieldVectors).filter(function (key) {
      return key.indexOf(index.fields[0] + "/") === 0;
    }).length;
    index.iwVocabulary = { tokens: tokens, docCount: docCount };
    return index.iwVocabulary;
  }

  function refsOf(index, tokens) {
    var refs = {};
    tokens.forEach(function (token) {
      var posting = index.invertedIndex[token];
      index.fields.forEach(function (field) {
        Object.keys(posting[field] || {}).forEach(function (ref) {
          refs[ref] = true;
        });
      });
    });
    return Object.keys(refs);
  }

  function idf(count, total) {
    return Math.log(1 + Math.abs((total - count + 0.5) / (count + 0.5)));
  }

  /* Index words that split ``word`` into two known parts, with a linking s or e allowed. */
  function compoundParts(word, known) {
    for (var cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      var head = stem(word.slice(cut));
      if (!known[head]) continue;
      var left = word.slice(0, cut);
      var modifier = [left, left.replace(/(s|e|en)$/, "")].map(stem).filter(function (s) {
        return s.length >= MIN_PART && known[s];
      })[0];
      if (modifier) return [modifier, head];
    }
    return [];
  }

  /* Forms of the stem that lunr's Dutch stemmer leaves out: a verb without its -t
   * ("bewaakt" -> "bewaak"), with its vowel or consonant single again ("bewak",
   * "beginn" -> "begin"). */
  function roots(word, root) {
    var forms = [root];
    [word.replace(/t$/, ""), root].forEach(function (form) {
      var single = form.replace(/([aeou])\1([^aeiou])$/, "$1$2").replace(/([^aeiou])\1$/, "$1");
      [form, single].forEach(function (f) {
        if (f.length >= MIN_INFIX && forms.indexOf(f) === -1) forms.push(f);
      });
    });
    return forms;
  }

  /* The stems of the family of a word, found through any of its forms, or through a
   * form it starts with ("goedkoper" is of the family of "goedkoop"). */
  function relatives(forms) {
    var kin = [];
    Object.keys(families).forEach(function (key) {
      var hit = forms.some(function (form) {
        return form === key || (key.length >= MIN_INFIX && form.indexOf(key) === 0);
      });
      if (hit) kin = kin.concat(families[key]);
    });
    return kin.filter(function (s) { return forms.indexOf(s) === -1 });
  }

  /* Index word -> how closely it matches the typed word (the best kind found). */
  function expand(word, vocab, known) {
    var matches = {};
    function add(token, kind) {
      if (!matches[token] || WEIGHT[kind] > WEIGHT[matches[token]]) matches[token] = kind;
    }
    var root = stem(word);
    if (word.length < MIN_PREFIX) {
      if (known[root]) add(root, "stem");
      return matches;
    }
    var forms = roots(word, root);
    var kin = relatives(forms);
    var cut = root.length >= MIN_TRUNCATE ? root.slice(0, Math.ceil(root.length * 0.8)) : null;
    var parts = compoundParts(word, known);
    vocab.tokens.forEach(function (token) {
      if (token === root) add(token, "stem");
      forms.forEach(function (form) {
        var at = token.indexOf(form);
        if (at === 0 && token.length - form.length <= INFLECTION) add(token, "prefix");
        else if (at !== -1 && (at === 0 || form.length >= MIN_INFIX)) add(token, "compound");
      });
      if (token.indexOf(word) === 0) add(token, token.length - word.length <= INFLECTION ? "prefix" : "compound");
      if (parts.indexOf(token) !== -1) add(token, "part");
      kin.forEach(function (relative) {
        if (token === relative || (relative.length >= MIN_INFIX && token.indexOf(relative) === 0)) add(token, "family");
      });
      if (cut && token.indexOf(cut) === 0) add(token, "family");
      if (token.length >= MIN_INFIX && token.length >= 0.6 * root.length && root.indexOf(token) === 0) add(token, "family");
    });
    return matches;
  }

  /* The reader's words that count, each with its matches and its weight: the squared
   * rarity of the word (inverse document frequency). A word far more common than the
   * rarest word of the query still adds to the score, but Material does not count it. */
  function plan(index, query) {
    var vocab = vocabulary(index);
    var words = typedWords(query);
    var content = words.filter(function (word) { return !isStopWord(word) });
    if (!content.length) content = words;
    var terms = content.map(function (word) {
      var matches = expand(word, vocab, index.invertedIndex);
      var own = Object.keys(matches).filter(function (token) { return matches[token] !== "family" });
      var docs = refsOf(index, own.length ? own : Object.keys(matches)).length;
      return { word: word, matches: matches, known: own.length > 0, weight: Math.pow(idf(docs, vocab.docCount), 2) };
    });
    var top = Math.max.apply(null, terms.map(function (term) { return term.weight }));
    ignored = {};
    words.forEach(function (word) {
      var term = terms.filter(function (t) { return t.word === word })[0];
      if (!term || term.weight < MINOR * top) ignored[word] = true;
    });
    return terms;
  }

  /* One lunr query for all words. lunr weighs a match by the rarity of the index word;
   * the boost replaces that by the rarity of the typed word, so that a rare compound
   * found through a common word ("intervisiecontract" for "intervisie") gains nothing. */
  function run(index, terms, fuzzy) {
    var total = index.iwVocabulary.docCount;
    var empty = terms.every(function (term) { return !Object.keys(term.matches).length });
    if (empty && !fuzzy) return []; // lunr answers a query without clauses with every page
    return index.query(function (q) {
      terms.forEach(function (term) {
        if (fuzzy) {
          q.term(stem(term.word), { editDistance: term.word.length > 7 ? 2 : 1, boost: WEIGHT.fuzzy * term.weight, usePipeline: false });
          return;
        }
        Object.keys(term.matches).forEach(function (token) {
          q.term(token, {
            boost: (WEIGHT[term.matches[token]] * term.weight) / lunr.idf(index.invertedIndex[token], total),
            usePipeline: false,
            wildcard: lunr.Query.wildcard.NONE
          });
        });
      });
    });
  }

  /* Weigh each result by the share of the reader's words it holds (a word of the same
   * family counts half) and by the share of its title those words make up. Each word it
   * holds is recorded under the word as typed, so that Material does not list it as
   * missing; a word the handbook does not use at all stays missing, and the search box
   * then shows its hint. */
  function coverage(index, results, terms) {
    var total = terms.reduce(function (sum, term) { return sum + term.weight }, 0);
    results.forEach(function (result) {
      var metadata = result.matchData.metadata;
      var title = index.fieldVectors["title/" + result.ref];
      var inTitle = Object.keys(metadata).filter(function (token) { return metadata[token].title }).length;
      var held = 0;
      terms.forEach(function (term) {
        var literal = Object.keys(metadata).some(function (token) {
          var kind = term.matches[token];
          return kind && kind !== "family";
        });
        var kin = Object.keys(metadata).some(function (token) { return term.matches[token] === "family" });
        if (literal || (kin && term.known)) metadata[term.word] = metadata[term.word] || {};
        if (literal) held += term.weight;
        else if (kin) held += WEIGHT.family * term.weight;
      });
      var titleShare = title && title.elements.length ? Math.min(1, inTitle / (title.elements.length / 2)) : 0;
      result.score *= Math.pow(held / total, COVER) * (1 + TITLE * titleShare * titleShare);
    });
    return results.sort(function (a, b) { return b.score - a.score });
  }

  function fallback(index) {
    return FALLBACK.filter(function (ref) { return index.fields[0] + "/" + ref in index.fieldVectors }).map(function (ref) {
      return { ref: ref, score: 0, matchData: new lunr.MatchData() };
    });
  }

  lunr.Index.prototype.search = function (query) {
    var terms = plan(this, query);
    if (!terms.length) return [];
    var results = run(this, terms, false);
    if (results.length) return coverage(this, results, terms);
    results = run(this, terms, true);
    return results.length ? results : fallback(this);
  };

  /* Material marks a typed word as missing unless lunr's stop word filter drops it. */
  var stopWordFilter = lunr.stopWordFilter;
  lunr.stopWordFilter = function (token) {
    return ignored[String(token)] ? undefined : stopWordFilter(token);
  };
  lunr.stopWordFilter.label = stopWordFilter.label; // still the registered pipeline function

  /* A short excerpt of ``html`` around its first highlighted word. It cuts at spaces
   * only, which no tag left (<mark>) and no character entity holds. */
  function excerpt(html) {
    var text = html.replace(/<(?!\/?mark\b)[^>]*>/g, " ").replace(/\s+/g, " ").trim();
    if (text.length <= EXCERPT) return text && "<p>" + text + "</p>";
    var first = text.indexOf("<mark");
    var start = first > EXCERPT / 3 ? text.lastIndexOf(" ", first - EXCERPT / 3) + 1 : 0;
    var end = text.indexOf(" ", start + EXCERPT);
    if (end === -1) end = text.length;
    var open = text.slice(0, end).lastIndexOf("<mark");
    if (open > text.slice(0, end).lastIndexOf("</mark>")) end = text.indexOf("</mark>", open) + 7;
    return "<p>" + (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "") + "</p>";
  }

  /* Results leave the worker through postMessage: cut their texts there. */
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.data && message.data.items) {
      message.data.items.forEach(function (group) {
        group.forEach(function (doc) {
          if (typeof doc.text === "string") doc.text = excerpt(doc.text);
        });
      });
    }
    return post.apply(self, arguments);
  };

  lunr.intervisiewijzer = {
    /* Word families from the data: lists of words that mean (nearly) the same. */
    useFamilies: function (lists) {
      lists.forEach(function (list) {
        var forms = list.reduce(function (all, word) {
          word = word.toLowerCase();
          return all.concat(roots(word, stem(word)));
        }, []);
        forms.forEach(function (form) { families[form] = (families[form] || []).concat(forms) });
      });
    }
  };
})(self.lunr);
