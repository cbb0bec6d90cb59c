/* Intervisiewijzer: Dutch search for Material's search worker.
 *
 * Loaded into the worker right after lunr's Dutch stemmer (the build appends an
 * importScripts call to lunr.nl.min.js, followed by a call to configure with what
 * macros/adapters/search_index.py gathers from the data). It replaces the search that
 * Material runs on the reader's words:
 *
 * - Question words and stop words do not count, nor are they missing; a question word
 *   counts when the query has nothing else ("iemand"), a stop word is not indexed. A word
 *   far more common than the rarest word of the query ("intervisie") adds little, and a
 *   result that lacks it is not shown as lacking a word. A verb split by "te" is one word
 *   again ("voor te bereiden").
 * - Each remaining word matches index words of its own: its stem, words that start with it
 *   (plurals, verb forms, compounds: "feedbackregels"), compounds that hold it ("verslag"
 *   in "reflectieverslag"), and the parts of a compound the reader typed
 *   ("intervisiegroep" finds "groep"). A reader's word that the handbook says otherwise
 *   (methods/_zoekwoorden.yml: "lesplan" is "sessieplan") also matches the handbook's
 *   words. A word that matches nothing is read with one typing error allowed (two in a
 *   long word), whatever the other words do.
 * - Results that hold all the reader's words come before results that hold some; among
 *   them a rarer word weighs more, and so does a title or heading made up of the words.
 *   Lists of publications come after them all.
 * - Many results of one kind that match about equally (the role cards of every method,
 *   the same section of every method page) are one result: the page that lists them.
 * - The list is short: the results that come near the best, from a limited number of
 *   pages, in this order (Material's own weighing afterwards is divided out).
 * - A word the handbook does not hold in any form is named to the page with the results
 *   (the search box shows a hint); when nothing matches, the pages that help a reader on
 *   are shown.
 * - The text of each result is cut to a short excerpt around the first match.
 */
(function (lunr) {
  "use strict";

  // Words of a question that say nothing about its subject, beyond lunr's Dutch stop words.
  var QUESTION_WORDS = (
    "hoeveel welke welk waarom wanneer waar waarmee waarvoor wij we jij jullie onze " +
    "kun kunt mag mogen moeten hebt doe doet gaat ga krijg krijgt iemand eigenlijk precies"
  ).split(" ");
  // How much a match of each kind counts, against the stem itself.
  var WEIGHT = { stem: 1, prefix: 0.6, synonym: 0.6, part: 0.5, head: 0.5, fuzzy: 0.5, compound: 0.3 };
  var INFLECTION = 3; // letters after the stem that make a word form, not a compound
  var MIN_PREFIX = 3; // a word being typed ("p") would match a good part of the index
  var MIN_INFIX = 5; // shorter stems are found inside too many compounds
  var MIN_PART = 4; // the shortest part of a compound that counts on its own
  var MIN_FUZZY = 4; // shorter words are too near too many others to guess a typing error
  var LONG_WORD = 8; // from this length on, a word may hold two typing errors
  var MINOR = 0.2; // a word that weighs less than this share of the rarest word is minor
  var TITLE = 4; // a title or heading made up of the reader's words counts up to 1 + TITLE times
  var COVER = 2; // how steeply a result loses for each of the reader's words it lacks
  var NEAR = 0.1; // a result with less than this share of the best score is left out
  var PAGES = 12; // results come from at most this many pages
  var CANDIDATES = 200; // the best results that are gathered by kind and cut to the short list
  var NAMED = 1.5; // one page of a kind stands out by this factor when the reader named it
  var MANY = 3; // this many results of one kind that match about equally are one result,
  var SHARE = 0.25; // if they are this share of the kind at least
  var EXCERPT = 180; // characters of text shown under a result

  var site = { words: {}, kinds: [], sources: {}, fallback: [] }; // from the build: see configure
  var ignored = {}; // words of the last query that do not count
  var missing = []; // words of the last query that the handbook does not hold

  function stem(word) {
    return String(lunr.nl.stemmer(new lunr.Token(word, {})));
  }

  function isStopWord(word) {
    return !lunr.nl.stopWordFilter(new lunr.Token(word, {})) || QUESTION_WORDS.indexOf(word) !== -1;
  }

  function page(ref) {
    return ref.split("#")[0];
  }

  /* The words of a query as Material reads them for its list of missing words: lunr's
   * query parser splits "hand-out*" into "hand" and "out"; lowercased, once each, without
   * the words the reader excluded ("-supervisie"). */
  function typedWords(query) {
    var parsed = new lunr.Query(["title", "text", "tags"]);
    new lunr.QueryParser(query, parsed).parse();
    return parsed.clauses.reduce(function (found, clause) {
      var word = clause.term.replace(/^\*|\*$/g, "");
      if (word && clause.presence !== lunr.Query.presence.PROHIBITED && found.indexOf(word) === -1) found.push(word);
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
   * ("bewaakt" -> "bewaak"), a noun without its 's ("collega's"), with its vowel or consonant single again ("bewak",
   * "beginn" -> "begin"). */
  function roots(word, root) {
    var forms = [root];
    [word.replace(/t$/, ""), word.replace(/'s$/, ""), root].forEach(function (form) {
      var single = form.replace(/([aeou])\1([^aeiou])$/, "$1$2").replace(/([^aeiou])\1$/, "$1");
      [form, single].forEach(function (f) {
        if (f.length >= MIN_INFIX && forms.indexOf(f) === -1) forms.push(f);
      });
    });
    return forms;
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
    var parts = compoundParts(word, known);
    // A short stem cut from a longer word ("gev" from "geven") starts too many other words
    // ("gevoel"): they must start with one more letter of the word.
    var cut = root.length < MIN_INFIX && word.length > root.length && word.indexOf(root) === 0 ? word.slice(0, root.length + 1) : null;
    vocab.tokens.forEach(function (token) {
      if (token === root) return add(token, "stem");
      forms.forEach(function (form) {
        if (form === root && cut && token.indexOf(cut) !== 0) return;
        var at = token.indexOf(form);
        if (at === 0) add(token, token.length - form.length <= INFLECTION ? "prefix" : "head");
        else if (at !== -1 && form.length >= MIN_INFIX) add(token, "compound");
      });
      if (token.indexOf(word) === 0) add(token, token.length - word.length <= INFLECTION ? "prefix" : "head");
      if (parts.indexOf(token) !== -1) add(token, "part");
    });
    return matches;
  }

  /* The number of typing errors (a letter left out, added, changed, or two letters
   * swapped) between two words, or more than ``most`` as soon as that is certain. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row.push(d);
        least = Math.min(least, d);
      }
      if (least > most) return most + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  /* Index words one typing error away from the word (two in a long word). lunr's own
   * fuzzy match misses a letter left out ("feedbak"). */
  function typos(word, vocab) {
    if (word.length < MIN_FUZZY) return [];
    var most = word.length >= LONG_WORD ? 2 : 1;
    var root = stem(word);
    return vocab.tokens.filter(function (token) {
      return distance(root, token, most) <= most;
    });
  }

  /* The handbook's words for a word of the reader, if the data names any. */
  function siteWords(word) {
    return site.words[word] || site.words[stem(word)] || null;
  }

  /* A match of the word itself or of the handbook's word for it, not of a compound or a part. */
  function strong(kind) {
    return kind !== "part" && kind !== "compound" && kind !== "head";
  }

  /* Whether the index holds the word or a form of it (not only compounds with it). */
  function holdsForm(word, vocab) {
    var root = stem(word);
    return vocab.tokens.some(function (token) {
      return token.indexOf(root) === 0 && token.length - root.length <= INFLECTION;
    });
  }

  /* The words as the reader means them: a separable verb split by "te" is one word again
   * ("voor te bereiden" is "voorbereiden") when the handbook holds it. Each word keeps the
   * words it was typed as (``typed``), which Material checks one by one. */
  function readerWords(words, vocab) {
    var found = [];
    for (var i = 0; i < words.length; i++) {
      var joined = words[i + 1] === "te" && words[i + 2] ? words[i] + words[i + 2] : null;
      if (joined && holdsForm(joined, vocab)) {
        found.push({ word: joined, typed: [words[i], words[i + 2]] });
        i += 2;
      } else {
        found.push({ word: words[i], typed: [words[i]] });
      }
    }
    return found;
  }

  /* Index word -> kind of match, for one word of the reader: its own forms, the forms of
   * the handbook's words for it, or, when neither is found, the words it may be a typing
   * error of, and their forms. Null when the word counts for nothing ("teveel" is "te veel"). */
  function matchesOf(word, vocab, known) {
    var matches = expand(word, vocab, known);
    var theirs = siteWords(word);
    if (theirs) {
      var counted = theirs.filter(function (w) { return !isStopWord(w) });
      if (!counted.length && !Object.keys(matches).length) return null;
      counted.forEach(function (w) {
        var found = expand(w, vocab, known);
        Object.keys(found).forEach(function (token) {
          var close = found[token] === "stem" || found[token] === "prefix"; // not its compounds or parts
          if (close && (!matches[token] || WEIGHT[matches[token]] < WEIGHT.synonym)) matches[token] = "synonym";
        });
      });
    }
    if (!Object.keys(matches).length) {
      typos(word, vocab).forEach(function (typo) {
        var found = expand(typo, vocab, known);
        Object.keys(found).forEach(function (token) {
          if (!matches[token]) matches[token] = strong(found[token]) ? "fuzzy" : found[token];
        });
      });
    }
    return matches;
  }

  /* The reader's words that count, each with its matches and its weight: the squared
   * rarity of the word (inverse document frequency). A word far more common than the
   * rarest word of the query still adds to the score, but is not needed to hold all words. */
  function plan(index, query) {
    var vocab = vocabulary(index);
    var words = readerWords(typedWords(query), vocab);
    var content = words.filter(function (w) { return !isStopWord(w.word) });
    if (!content.length) content = words.filter(function (w) { return lunr.nl.stopWordFilter(new lunr.Token(w.word, {})) });
    ignored = {};
    missing = [];
    var terms = [];
    words.forEach(function (w) {
      var matches = content.indexOf(w) !== -1 && matchesOf(w.word, vocab, index.invertedIndex);
      if (!matches) return w.typed.forEach(function (typed) { ignored[typed] = true });
      if (!Object.keys(matches).length) return missing.push(w.typed.join(" te "));
      var own = Object.keys(matches).filter(function (token) { return strong(matches[token]) });
      var docs = refsOf(index, own.length ? own : Object.keys(matches)).length;
      terms.push({ word: w.word, typed: w.typed, matches: matches, weight: Math.pow(idf(docs, vocab.docCount), 2) });
    });
    var top = Math.max.apply(null, terms.map(function (term) { return term.weight }));
    terms.forEach(function (term) {
      term.minor = term.weight < MINOR * top;
      if (term.minor) term.typed.forEach(function (typed) { ignored[typed] = true });
    });
    if (words.some(function (w) { return w.typed.length > 1 })) ignored.te = true;
    return terms;
  }

  /* One lunr query for all words. lunr weighs a match by the rarity of the index word;
   * the boost replaces that by the rarity of the typed word, so that a rare compound
   * found through a common word ("intervisiecontract" for "intervisie") gains nothing. */
  function run(index, terms) {
    var total = index.iwVocabulary.docCount;
    return index.query(function (q) {
      terms.forEach(function (term) {
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

  /* Whether the title of a page holds a word: its sections are about that word too. */
  function inTitleOf(index, ref, term) {
    return Object.keys(term.matches).some(function (token) {
      var titles = index.invertedIndex[token].title;
      return titles && ref in titles;
    });
  }

  /* Weigh each result by the share of the reader's words it holds (a section holds the
   * words of its page's title) and by the share of its title they make up, and note
   * whether it holds all words that count; a list of publications never does. Each word
   * it holds is recorded as typed, so that Material does not list it as missing. */
  function weigh(index, results, terms) {
    var total = terms.reduce(function (sum, term) { return sum + term.weight }, 0);
    results.forEach(function (result) {
      var metadata = result.matchData.metadata;
      var tokens = Object.keys(metadata);
      var above = page(result.ref);
      var title = index.fieldVectors["title/" + result.ref];
      var inTitle = 0;
      var held = 0;
      result.all = !site.sources[result.ref];
      terms.forEach(function (term) {
        var found = tokens.filter(function (token) { return term.matches[token] });
        if (found.some(function (token) { return strong(term.matches[token]) && metadata[token].title })) inTitle++;
        if (found.length || (above !== result.ref && inTitleOf(index, above, term))) {
          term.typed.forEach(function (typed) { metadata[typed] = metadata[typed] || {} });
          held += term.weight;
        } else if (!term.minor) {
          result.all = false;
        }
      });
      var titleShare = title && title.elements.length ? Math.min(1, inTitle / (title.elements.length / 2)) : 0;
      result.score *= Math.pow(held / total, COVER) * (1 + TITLE * titleShare * titleShare);
    });
    return results.sort(function (a, b) { return b.all - a.all || b.score - a.score });
  }

  function known(index, ref) {
    return index.fields[0] + "/" + ref in index.fieldVectors;
  }

  /* Many results of one kind that match about equally are one result, the page that lists them
   * all: the role cards of every method ("rolkaart tijdbewaker"), or the method pages, or
   * the same section of every method page ("Wanneer past deze methode?"); the overview's
   * section of the same name where it has one (the timekeeper's card on the role deck). A
   * page of the kind that the reader named ("rolkaarten roddelmethode") stands out, and
   * stays. */
  function oneOfEachKind(index, results, terms) {
    site.kinds.forEach(function (kind) {
      if (!known(index, kind.overview)) return;
      var least = Math.max(MANY, SHARE * Object.keys(kind.pages).length);
      var key = function (result) { return kind.sections ? result.ref : page(result.ref) };
      var sets = {}; // pages compared as a whole, or each section with the same section of the others
      results.forEach(function (result) {
        var at = page(result.ref);
        if (!kind.pages[at]) return;
        var name = kind.sections ? result.ref.slice(at.length) : "";
        var set = (sets[name] = sets[name] || {});
        if (!set[at]) set[at] = result;
      });
      Object.keys(sets).forEach(function (name) {
        var rest = Object.keys(sets[name]).map(function (at) { return sets[name][at] }); // in order
        while (rest.length) {
          var best = rest[0];
          var peers = rest.filter(function (result) { return result.all === best.all && result.score * NAMED >= best.score });
          rest = rest.filter(function (result) { return peers.indexOf(result) === -1 });
          if (peers.length < least) continue;
          var gone = {};
          peers.forEach(function (result) { gone[key(result)] = true });
          var anchor = best.ref.slice(page(best.ref).length);
          var overview = anchor && known(index, kind.overview + anchor) ? kind.overview + anchor : kind.overview;
          results = gather(results, best, function (result) { return gone[key(result)] && kind.pages[page(result.ref)] }, overview, terms);
        }
      });
    });
    // A gathered overview holds all the words if one of its pages did: all words still come first.
    return results.sort(function (a, b) { return b.all - a.all });
  }

  /* The results without those that are ``gone``, with the overview (``ref``, a page or a
   * section) at the place of ``best`` unless it comes earlier, holding the words they held. */
  function gather(results, best, gone, ref, terms) {
    var overview = results.filter(function (result) { return result.ref === ref })[0];
    if (!overview) overview = { ref: ref, score: 0, all: false, matchData: { metadata: {} } };
    var metadata = overview.matchData.metadata;
    Object.keys(best.matchData.metadata).forEach(function (token) { metadata[token] = metadata[token] || {} });
    // It holds the words its pages held, and all of them if together they do.
    overview.all = !site.sources[ref] && terms.every(function (term) {
      return term.minor || Object.keys(term.matches).concat(term.typed).some(function (token) { return token in metadata });
    });
    overview.score = Math.max(overview.score, best.score);
    var place = results.indexOf(overview) === -1 ? results.indexOf(best) : Math.min(results.indexOf(overview), results.indexOf(best));
    var kept = [];
    results.forEach(function (result, i) {
      if (i === place) kept.push(overview);
      if (result !== overview && !gone(result)) kept.push(result);
    });
    return kept;
  }

  /* The results near the best, from at most PAGES pages. */
  function shortList(results) {
    var pages = {};
    var count = 0;
    var floor = results.length ? NEAR * results[0].score : 0;
    return results.filter(function (result) {
      var at = page(result.ref);
      if (pages[at]) return true;
      if (count >= PAGES || (!result.all && result.score < floor)) return false;
      pages[at] = true;
      count++;
      return true;
    });
  }

  /* Material multiplies each score by 1 + b², b being 1 for a page (not for a section) plus
   * the share of the query's words the result holds, and sorts again. Each score becomes
   * the result's place from the end of the list, with that factor divided out, so that
   * Material's sort keeps the order made here. */
  function keepOrder(results, query) {
    var clauses = typedWords(query);
    var n = results.length;
    return results.map(function (result, rank) {
      var keys = Object.keys(result.matchData.metadata);
      var held = 0;
      var counted = 0;
      clauses.forEach(function (clause) {
        var holds = keys.some(function (key) { return key.indexOf(clause) === 0 });
        if (holds || lunr.stopWordFilter(clause)) counted++;
        if (holds) held++;
      });
      var boost = (result.ref.indexOf("#") === -1 ? 1 : 0) + (counted ? held / counted : 0);
      return { ref: result.ref, matchData: result.matchData, score: (n - rank) / (1 + boost * boost) };
    });
  }

  function fallback(index) {
    return site.fallback.filter(function (ref) { return known(index, ref) }).map(function (ref) {
      return { ref: ref, score: 0, matchData: new lunr.MatchData() };
    });
  }

  lunr.Index.prototype.search = function (query) {
    var terms = plan(this, query);
    if (!terms.length) return missing.length ? fallback(this) : [];
    var results = run(this, terms);
    if (!results.length) return fallback(this);
    results = shortList(oneOfEachKind(this, weigh(this, results, terms).slice(0, CANDIDATES), terms));
    return keepOrder(results, query);
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

  /* Results leave the worker through postMessage: cut their texts there, leave out what the
   * page does not show (copying it takes longer than the search), and name the words the
   * handbook does not hold (the search box shows its hint for them). */
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.data && message.data.items) {
      message.data.items.forEach(function (group) {
        group.forEach(function (doc) {
          if (typeof doc.text === "string") doc.text = excerpt(doc.text);
          delete doc.parent; // the whole page above a section, which the page does not use
          delete doc.keys;
        });
      });
      message.data.missing = missing.slice();
    }
    return post.apply(self, arguments);
  };

  lunr.intervisiewijzer = {
    /* What the build knows: ``words``, a reader's word -> the handbook's words for it;
     * ``kinds``, lists of pages that every method has, each with the page that lists them
     * (``overview``), and compared by their sections (``sections``) or as pages; ``sources``, the lists of publications; ``fallback``, the pages that help a reader on when nothing matches. */
    configure: function (settings) {
      Object.keys(settings.words).forEach(function (word) {
        var theirs = settings.words[word].join(" ").toLowerCase().split(/[\s\-]+/);
        site.words[word.toLowerCase()] = theirs;
        site.words[stem(word.toLowerCase())] = theirs;
      });
      site.kinds = settings.kinds.map(function (kind) {
        var pages = {};
        kind.pages.forEach(function (ref) { pages[ref] = true });
        return { pages: pages, sections: kind.sections, overview: kind.overview };
      });
      settings.sources.forEach(function (ref) { site.sources[ref] = true });
      site.fallback = settings.fallback;
    }
  };
})(self.lunr);
