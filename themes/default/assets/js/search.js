/*
 * Charter search, in the browser. No inline script and no eval: the page loads this file with
 * <script src>, and this file loads lunr (the scripts named in #search-config's data-scripts),
 * the language's lunr index (built at build time by Charter.Search, byte-identical to what lunr
 * itself would build) and its document store, only when the reader searches.
 *
 * The top part (CharterSearch.setup, CharterSearch.configure, CharterSearch.indexPipeline)
 * holds what the browser and the index builder must agree on; the oracle tests of
 * tests/Charter.Search.Tests run it, with the genuine lunr files, to build the reference index.
 *   - Tokenizer separator: lunr's /[\s\-]+/ plus apostrophes, straight and curly ("l'Église"
 *     gives "l" and "église"), the full stop and middle dot of French inclusive writing
 *     ("migrant.e.s" gives "migrant", "e", "s"), Unicode hyphens and dashes ("2020–2022") and the
 *     slash ("et/ou"). lunr does not serialize it, so it is set here, and Charter.Search's
 *     LunrTokenizer uses the same characters.
 *   - Pipelines by language (Charter.Search's SearchLanguages registry is the other side):
 *     "en" is lunr's default (trimmer, stopWordFilter, stemmer; search: stemmer). A language
 *     whose lunr-languages plugin is loaded (lunr[code], from lunr.code.js, named in
 *     data-scripts) gets the plugin's own pipelines, whatever they hold: lunr.fr (trimmer-fr,
 *     stopWordFilter-fr, accentFold-fr, stemmer-fr; search: trimmer-fr, accentFold-fr,
 *     stemmer-fr: 1.22.0 folds French accents itself, so "detention" finds "détention") and
 *     lunr.es (trimmer-es, stopWordFilter-es, stemmer-es; search: trimmer-es, stemmer-es: no
 *     accent folding, but Snowball's Spanish stemmer drops the acute accents of the stems, so
 *     "detencion" finds "detención"). Nothing is added to them.
 *     Any other language: "trimmer-unicode" alone (no stop words, no stemming), a trimmer that
 *     keeps the letters, marks and digits of every script, registered here.
 */
(function (root) {
  'use strict';

  var SEPARATOR = /[\s\-\u2010-\u2015'\u2019.\/\u00B7]+/;
  var UNICODE_TRIM_START = /^[^\p{L}\p{M}\p{N}]+/u;
  var UNICODE_TRIM_END = /[^\p{L}\p{M}\p{N}]+$/u;

  function primaryLanguage(lang) {
    return String(lang || '').toLowerCase().split(/[-_]/)[0];
  }

  /** Sets the separator and registers Charter's pipeline functions; call once lunr is loaded. */
  function setup(lunr) {
    lunr.tokenizer.separator = SEPARATOR;
    if (lunr.QueryLexer) {
      lunr.QueryLexer.termSeparator = SEPARATOR;
    }
    if (!lunr.trimmerUnicode) {
      lunr.trimmerUnicode = function (token) {
        return token.update(function (s) {
          return s.replace(UNICODE_TRIM_START, '').replace(UNICODE_TRIM_END, '');
        });
      };
      lunr.Pipeline.registerFunction(lunr.trimmerUnicode, 'trimmer-unicode');
    }
  }

  /**
   * The loaded lunr-languages plugin of a language (lunr.fr, lunr.es, …), or null: "en" is
   * lunr's own, and a language whose plugin is not loaded gets the fallback.
   */
  function plugin(lunr, lang) {
    var primary = primaryLanguage(lang);
    var candidate = primary && primary !== 'en' && Object.prototype.hasOwnProperty.call(lunr, primary)
      ? lunr[primary] : null;
    return typeof candidate === 'function' && candidate.trimmer && candidate.stopWordFilter &&
      candidate.stemmer && typeof candidate.wordCharacters === 'string' ? candidate : null;
  }

  /*
   * What the prefix of a typed word is folded with, so that it reads like the index terms: the
   * plugin's accentFoldTerm when its pipelines fold accents (lunr.fr), else what the language's
   * stemmer strips from every stem: Snowball's Spanish stemmer ends by replacing á é í ó ú with
   * a e i o u (its postlude), so Spanish terms hold none of them ("detenció" → "detencio").
   */
  var PREFIX_FOLDS = {
    es: function (s) {
      return s.replace(/[\u00E1\u00E9\u00ED\u00F3\u00FA]/g, function (c) {
        return 'aeiou'.charAt('\u00E1\u00E9\u00ED\u00F3\u00FA'.indexOf(c));
      });
    }
  };

  /** Sets up a lunr.Builder (inside lunr(function () { … })) for a language. */
  function configure(builder, lunr, lang) {
    if (primaryLanguage(lang) === 'en') {
      return; // lunr's default pipelines
    }
    var languagePlugin = plugin(lunr, lang);
    if (languagePlugin) {
      builder.use(languagePlugin);
      return;
    }
    builder.pipeline.reset();
    builder.pipeline.add(lunr.trimmerUnicode);
    builder.searchPipeline.reset();
    builder.searchPipeline.add(lunr.trimmerUnicode);
  }

  /** The index-time pipeline functions for a language, in order: those configure() sets. */
  function indexPipeline(lunr, lang) {
    if (primaryLanguage(lang) === 'en') {
      return [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer];
    }
    var builder = new lunr.Builder();
    configure(builder, lunr, lang);
    return builder.pipeline.toJSON().map(function (label) {
      return lunr.Pipeline.registeredFunctions[label];
    });
  }

  /**
   * What a typed word goes through before it becomes a query clause: the index pipeline's
   * trimmer and stop word filter (the index's own search pipeline then stems it), and the
   * function that gives the unstemmed form a prefix is matched with.
   */
  function queryCleaning(lunr, lang) {
    var primary = primaryLanguage(lang);
    var same = function (s) { return s; };
    if (primary === 'en') {
      return { trim: lunr.trimmer, trimStart: /^\W+/, stop: lunr.stopWordFilter, fold: same };
    }
    var languagePlugin = plugin(lunr, lang);
    if (languagePlugin) {
      var folds = typeof languagePlugin.accentFoldTerm === 'function' &&
        indexPipeline(lunr, lang).indexOf(languagePlugin.accentFold) !== -1;
      return {
        trim: languagePlugin.trimmer,
        trimStart: new RegExp('^[^' + languagePlugin.wordCharacters + '0-9]+'),
        stop: languagePlugin.stopWordFilter,
        fold: folds ? languagePlugin.accentFoldTerm : (PREFIX_FOLDS[primary] || same)
      };
    }
    return { trim: lunr.trimmerUnicode, trimStart: UNICODE_TRIM_START, stop: null, fold: same };
  }

  /* Query: each typed word must match (exactly, after the language's pipeline), and the last
     word, while it is being typed, also as a prefix. One lunr query holds every clause as
     optional; the results that match every word come first, then those that match fewer. */

  var MIN_PREFIX = 2;

  function parseQuery(ready, query) {
    var lunr = ready.lunr;
    var words = [];
    lunr.tokenizer(query).forEach(function (token) {
      var str = ready.trim(token).toString().replace(/\*/g, '');
      if (!str) {
        return;
      }
      var stopWord = ready.stop !== null && !ready.stop(new lunr.Token(str));
      var exact = stopWord ? [] : ready.index.pipeline.runString(str).filter(Boolean);
      words.push({ str: str, exact: exact, partial: [], prefixes: [] });
    });
    // The last word, unless followed by a separator, is still being typed (even a stop word:
    // "de" may be the start of "détention"). It also matches
    //  - as a prefix, unstemmed and stemmed ("déten" finds "detent", the term of "détention");
    //  - the longest index term that it starts with, down to 4 characters shorter (and at
    //    least 3), for a word typed past its stem ("logem" finds "log", the term of "logement").
    if (words.length > 0 && !SEPARATOR.test(query.slice(-1))) {
      var last = words[words.length - 1];
      var folded = ready.fold(last.str);
      [folded].concat(last.exact).forEach(function (p) {
        if (p && p.length >= MIN_PREFIX && last.prefixes.indexOf(p) === -1) {
          last.prefixes.push(p);
        }
      });
      var inverted = ready.index.invertedIndex;
      for (var k = folded.length - 1; k >= Math.max(3, folded.length - 4); k--) {
        var stem = folded.slice(0, k);
        if (Object.prototype.hasOwnProperty.call(inverted, stem)) {
          if (last.exact.indexOf(stem) === -1) {
            last.partial.push(stem);
          }
          break; // the longest only
        }
      }
    }
    return words.filter(function (word) {
      return word.exact.length > 0 || word.partial.length > 0 || word.prefixes.length > 0;
    });
  }

  function runQuery(ready, words) {
    var lunr = ready.lunr;
    var results = ready.index.query(function (q) {
      words.forEach(function (word) {
        word.exact.forEach(function (term) {
          q.term(term, { usePipeline: false, boost: 10 });
        });
        word.partial.forEach(function (term) {
          q.term(term, { usePipeline: false, boost: 1 });
        });
        word.prefixes.forEach(function (prefix) {
          q.term(prefix, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
        });
      });
    });
    results.forEach(function (result, position) {
      var terms = Object.keys(result.matchData.metadata);
      var matched = 0;
      words.forEach(function (word) {
        var hit = terms.some(function (term) {
          if (word.exact.indexOf(term) !== -1 || word.partial.indexOf(term) !== -1) {
            return true;
          }
          return word.prefixes.some(function (prefix) { return term.lastIndexOf(prefix, 0) === 0; });
        });
        if (hit) {
          matched += 1;
        }
      });
      result.wordsMatched = matched;
      result.position = position;
      result.terms = terms;
    });
    results.sort(function (a, b) {
      return b.wordsMatched - a.wordsMatched || a.position - b.position;
    });
    return results;
  }


  /*
   * A query that finds nothing is tried again with the words the reader may have meant: for each
   * typed word of MIN_FUZZY letters or more, the words of the documents within one edit of it
   * (lunr's own edit-distance automaton, TokenSet.fromFuzzyString, against a TokenSet of the
   * documents' words, folded as the query is). Stems are too short for this in French and
   * Spanish ("logemnt" is four edits from "log", the stem of "logement"), so the words are
   * compared as written and the ones found go through the index pipeline like typed words.
   */
  var MIN_FUZZY = 5;

  function vocabulary(ready) {
    if (ready.vocabulary) {
      return ready.vocabulary;
    }
    var lunr = ready.lunr;
    var words = new Map(); // folded form → the first form seen, as written (lower-cased)
    (ready.documents || []).forEach(function (doc) {
      lunr.tokenizer((doc.title || '') + ' ' + (doc.text || '')).forEach(function (token) {
        var word = ready.trim(token).toString().toLowerCase();
        if (word.length >= MIN_FUZZY - 1) {
          var folded = ready.fold(word);
          if (!words.has(folded)) {
            words.set(folded, word);
          }
        }
      });
    });
    var keys = Array.from(words.keys()).sort();
    ready.vocabulary = { words: words, set: lunr.TokenSet.fromArray(keys) };
    return ready.vocabulary;
  }

  function closeSearch(ready, query) {
    var lunr = ready.lunr;
    var vocab = vocabulary(ready);
    var meant = [];
    lunr.tokenizer(query).forEach(function (token) {
      var typed = ready.fold(ready.trim(token).toString().toLowerCase());
      if (typed.length < MIN_FUZZY) {
        return;
      }
      vocab.set.intersect(lunr.TokenSet.fromFuzzyString(typed, 1)).toArray().forEach(function (folded) {
        var word = vocab.words.get(folded);
        if (folded !== typed && meant.indexOf(word) === -1) {
          meant.push(word);
        }
      });
    });
    if (!meant.length) {
      return { words: [], results: [] };
    }
    // Each word found is one more optional clause: results holding more of them come first.
    var words = parseQuery(ready, meant.join(' ') + ' ');
    return { words: meant, results: words.length ? runQuery(ready, words) : [] };
  }

  /** Loads a serialized index and prepares everything a search needs. */
  function createSearcher(lunr, lang, indexData) {
    setup(lunr);
    var cleaning = queryCleaning(lunr, lang);
    var searcher = {
      lunr: lunr,
      lang: lang,
      index: lunr.Index.load(indexData),
      pipeline: new lunr.Pipeline(),
      trim: cleaning.trim,
      trimStart: cleaning.trimStart,
      stop: cleaning.stop,
      fold: cleaning.fold
    };
    indexPipeline(lunr, lang).forEach(function (fn) { searcher.pipeline.add(fn); });
    searcher.search = function (query) {
      var words = parseQuery(searcher, query);
      return words.length ? runQuery(searcher, words) : [];
    };
    searcher.searchClose = function (query) {
      return closeSearch(searcher, query);
    };
    return searcher;
  }

  var api = {
    separator: SEPARATOR,
    setup: setup,
    configure: configure,
    indexPipeline: indexPipeline,
    queryCleaning: queryCleaning,
    createSearcher: createSearcher
  };
  root.CharterSearch = api;

  if (typeof document === 'undefined' || typeof window === 'undefined') {
    return; // not in a browser (the oracle tests): the definitions above are all there is
  }

  /* ---------------------------------------------------------------- browser ---------- */

  var config = document.getElementById('search-config');
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!config || !input || !status || !list) {
    return;
  }

  var data = config.dataset;
  var lang = data.lang || document.documentElement.lang || 'en';
  var DEBOUNCE_MS = 120;
  var SNIPPET_WORDS = 28;

  var state = {
    loading: null, // Promise of { lunr, index, documents }
    ready: null,
    timer: 0,
    pending: null, // the latest query, shown once the index has loaded
    termCache: new Map(),
    keyCache: new Map()
  };

  function text(name, fallback) {
    var value = data[name];
    return value == null || value === '' ? fallback : value;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function loadScript(src) {
    var selector = 'script[src="' + src.replace(/["\\]/g, '\\$&') + '"]';
    if (document.querySelector(selector)) {
      return Promise.resolve(); // the page has it already
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false;
      script.onload = function () { resolve(); };
      script.onerror = function () {
        script.parentNode.removeChild(script); // so that a later search tries again
        reject(new Error('Cannot load ' + src));
      };
      document.head.appendChild(script);
    });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ': HTTP ' + response.status);
      }
      return response.json();
    });
  }

  /** Loads lunr, the index and the documents, once; later calls get the same promise. */
  function load() {
    if (state.loading) {
      return state.loading;
    }
    var scripts = (data.scripts || '').split(/\s+/).filter(Boolean);
    var indexData = fetchJson(data.index);
    var documents = fetchJson(data.documents);
    // Scripts in order (lunr first), each after the one before.
    var scriptsLoaded = scripts.reduce(function (previous, src) {
      return previous.then(function () { return loadScript(src); });
    }, Promise.resolve());
    state.loading = Promise.all([scriptsLoaded, indexData, documents]).then(function (results) {
      if (!root.lunr) {
        throw new Error('lunr is not loaded');
      }
      var searcher = createSearcher(root.lunr, lang, results[1]);
      searcher.documents = results[2];
      state.ready = searcher;
      return searcher;
    });
    state.loading.catch(function () {
      state.loading = null; // let a later search try again
    });
    return state.loading;
  }

  /* Rendering, with DOM nodes only (never innerHTML): the text of the documents is text. */

  /*
   * Which words of a result to highlight: those whose index term (the word through the index
   * pipeline) is one the result matched. Stemming every word of every result would be the
   * slowest part of a search, so a cheap key comes first: in every language a term begins with
   * the first two characters of its word once lower-cased, trimmed and folded (true of every
   * word of Debian's French, Spanish and English word lists), so only words whose key starts
   * like a matched term are stemmed. Both are cached for the page's life.
   */
  function wordKey(ready, word) {
    var key = state.keyCache.get(word);
    if (key === undefined) {
      var head = word.toLowerCase().replace(ready.trimStart, '').slice(0, 2);
      key = ready.fold(head).slice(0, 2);
      state.keyCache.set(word, key);
    }
    return key;
  }

  function indexTerm(ready, word) {
    var cached = state.termCache.get(word);
    if (cached !== undefined) {
      return cached;
    }
    var out = ready.pipeline.run([new ready.lunr.Token(word.toLowerCase())]);
    var term = out.length ? out[0].toString() : null;
    state.termCache.set(word, term);
    return term;
  }

  function matcher(terms) {
    var matched = new Set();
    var heads = new Set();
    terms.forEach(function (term) {
      if (term) {
        matched.add(term);
        heads.add(term.slice(0, 2));
      }
    });
    return { terms: matched, heads: heads };
  }

  function isHit(ready, word, match) {
    var key = wordKey(ready, word);
    if (!key || !(match.heads.has(key) || match.heads.has(key.charAt(0)))) {
      return false;
    }
    var term = indexTerm(ready, word);
    return term !== null && match.terms.has(term);
  }

  /** Splits a text into words (by the separator) and marks the ones whose index term matched. */
  function tokenize(ready, textValue, match) {
    var out = [];
    var start = 0;
    for (var i = 0; i <= textValue.length; i++) {
      if (i < textValue.length && !SEPARATOR.test(textValue.charAt(i))) {
        continue;
      }
      if (i > start) {
        out.push({ start: start, end: i, hit: isHit(ready, textValue.slice(start, i), match) });
      }
      start = i + 1;
    }
    return out;
  }

  /** Appends text to a parent, with the matched words (trimmed of punctuation) in <mark>. */
  function appendMarked(parent, textValue, tokens, from, to) {
    var cursor = from;
    tokens.forEach(function (token) {
      if (!token.hit || token.start < from || token.end > to) {
        return;
      }
      var word = textValue.slice(token.start, token.end);
      var lead = word.length - word.replace(UNICODE_TRIM_START, '').length;
      var core = word.slice(lead).replace(UNICODE_TRIM_END, '');
      var markStart = token.start + lead;
      var markEnd = markStart + (core.length || word.length);
      if (markStart > cursor) {
        parent.appendChild(document.createTextNode(textValue.slice(cursor, markStart)));
      }
      var mark = document.createElement('mark');
      mark.textContent = textValue.slice(markStart, markEnd);
      parent.appendChild(mark);
      cursor = markEnd;
    });
    if (to > cursor) {
      parent.appendChild(document.createTextNode(textValue.slice(cursor, to)));
    }
  }

  /** The matched words of a text as written, lower-cased and trimmed of punctuation. */
  function markedWords(textValue, tokens) {
    return tokens.filter(function (token) { return token.hit; }).map(function (token) {
      return textValue.slice(token.start, token.end).replace(UNICODE_TRIM_START, '').replace(UNICODE_TRIM_END, '').toLowerCase();
    });
  }

  /**
   * The result's address with the words to mark on the page it leads to (?mark=w1+w2, before the fragment); the
   * page's script (site.js) marks them in the unit it lands on. No word, no parameter.
   */
  function withMarks(url, words) {
    var unique = words.filter(function (w, i) { return w && words.indexOf(w) === i; }).slice(0, 12);
    if (!unique.length) {
      return url;
    }
    var hash = url.indexOf('#');
    var path = hash < 0 ? url : url.slice(0, hash);
    var fragment = hash < 0 ? '' : url.slice(hash);
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'mark=' + unique.map(encodeURIComponent).join('+') + fragment;
  }

  function containsWord(textValue, word) {
    return textValue.split(SEPARATOR_OR_SPACE).indexOf(word) !== -1;
  }
  var SEPARATOR_OR_SPACE = /[\s\u00A0\u202F()\u2014\u2013,;:]+/;

  function renderResult(ready, result) {
    var doc = ready.documents[Number(result.ref)];
    if (!doc) {
      return null;
    }
    var match = matcher(result.terms);
    var li = document.createElement('li');
    li.className = 'search-result search-result-' + (doc.kind || 'unit');
    var link = document.createElement('a');
    link.href = doc.url;
    var titleText = doc.title || '';
    // The number once: titles that hold it already ("Priorité 2.3 — Équité") are not preceded by it again.
    if (doc.number && !containsWord(titleText, doc.number)) {
      var number = document.createElement('span');
      number.className = 'search-result-number';
      number.textContent = doc.number;
      link.appendChild(number);
      link.appendChild(document.createTextNode(' '));
    }
    var title = document.createElement('span');
    title.className = 'search-result-title';
    appendMarked(title, titleText, tokenize(ready, titleText, match), 0, titleText.length);
    link.appendChild(title);
    li.appendChild(link);

    var body = doc.text || '';
    var bodyTokens = body ? tokenize(ready, body, match) : [];
    link.href = withMarks(doc.url, markedWords(titleText, tokenize(ready, titleText, match)).concat(markedWords(body, bodyTokens)));
    if (body) {
      var tokens = bodyTokens;
      var first = 0;
      for (var i = 0; i < tokens.length; i++) {
        if (tokens[i].hit) {
          first = i;
          break;
        }
      }
      var from = Math.max(0, first - Math.floor(SNIPPET_WORDS / 3));
      var to = Math.min(tokens.length, from + SNIPPET_WORDS);
      from = Math.max(0, Math.min(from, to - SNIPPET_WORDS));
      if (tokens.length) {
        var snippet = document.createElement('p');
        snippet.className = 'search-result-snippet';
        var startOffset = tokens[from].start;
        var endOffset = to < tokens.length ? tokens[to - 1].end : body.length;
        if (from > 0) {
          snippet.appendChild(document.createTextNode('… '));
        }
        appendMarked(snippet, body, tokens.slice(from, to), startOffset, endOffset);
        if (to < tokens.length) {
          snippet.appendChild(document.createTextNode(' …'));
        }
        li.appendChild(snippet);
      }
    }
    return li;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  // With no result, the same query is offered in each other language: the links are in the page, their labels
  // ("Chercher « {q} » en anglais") filled in here, as text.
  var elsewhere = document.getElementById('search-elsewhere');

  function setStatus(message, otherLanguageQuery) {
    clear(status);
    if (message) {
      status.appendChild(document.createTextNode(message));
    }
    if (!elsewhere) {
      return;
    }
    var links = elsewhere.querySelectorAll('a[data-label]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (otherLanguageQuery != null) {
        link.href = link.href.split('?')[0] + '?q=' + encodeURIComponent(otherLanguageQuery);
        link.textContent = format(link.getAttribute('data-label'), { q: otherLanguageQuery });
      }
    }
    elsewhere.hidden = otherLanguageQuery == null || links.length === 0;
  }

  /*
   * Filters (kind, the unit a result is in, topic): selects in the form, named as their URL parameters, each
   * narrowing the results to the documents whose field (kind, in, topics) holds the chosen value. A filter with no
   * query lists every document it keeps, in reading order.
   */
  var filterSelects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var clearFilters = document.getElementById('search-filters-clear');

  function activeFilters() {
    var chosen = {};
    filterSelects.forEach(function (select) {
      if (select.value) {
        chosen[select.getAttribute('data-filter')] = select.value;
      }
    });
    return chosen;
  }

  function hasFilters(filters) {
    return Object.keys(filters).length > 0;
  }

  function keeps(doc, filters) {
    if (!doc) {
      return false;
    }
    return Object.keys(filters).every(function (name) {
      var value = filters[name];
      if (name === 'topic') {
        return (doc.topics || []).indexOf(value) !== -1;
      }
      return doc[name] === value;
    });
  }

  function updateUrl(query, filters) {
    if (!window.history || !window.history.replaceState) {
      return;
    }
    var url = new URL(window.location.href);
    if (query) {
      url.searchParams.set('q', query);
    } else {
      url.searchParams.delete('q');
    }
    filterSelects.forEach(function (select) {
      var name = select.getAttribute('data-filter');
      if (filters[name]) {
        url.searchParams.set(name, filters[name]);
      } else {
        url.searchParams.delete(name);
      }
    });
    if (url.href !== window.location.href) {
      window.history.replaceState(window.history.state, '', url.href);
    }
  }

  // Kinds of the texts the charter cites (declarations): at equal words matched, the charter's own units come first.
  var citedKinds = (data.citedKinds || '').split(/\s+/).filter(Boolean);

  function ranked(ready, results) {
    function cited(result) {
      var doc = ready.documents[Number(result.ref)];
      return doc && citedKinds.indexOf(doc.kind) !== -1 ? 1 : 0;
    }
    return results.slice().sort(function (a, b) {
      return b.wordsMatched - a.wordsMatched || cited(a) - cited(b) || a.position - b.position;
    });
  }

  function show(ready, query, filters) {
    var started = window.performance ? performance.now() : 0;
    var close = null;
    var results;
    if (!query.trim()) {
      // Filters alone: every document they keep, in reading order, nothing marked.
      results = ready.documents.map(function (doc, i) { return { ref: String(i), terms: [] }; });
    } else {
      results = ranked(ready, ready.search(query));
      if (results.length === 0) {
        close = ready.searchClose(query);
        results = ranked(ready, close.results);
      }
    }
    var found = results.length;
    results = results.filter(function (result) { return keeps(ready.documents[Number(result.ref)], filters); });
    var fragment = document.createDocumentFragment();
    results.forEach(function (result) {
      var li = renderResult(ready, result);
      if (li) {
        fragment.appendChild(li);
      }
    });
    clear(list);
    list.appendChild(fragment);
    var count = list.children.length;
    var counted = count === 1 ? format(text('i18nOneResult', '1 result'), { n: 1 }) : format(text('i18nResults', '{n} results'), { n: count });
    if (count > 0 && close) {
      setStatus(format(text('i18nClose', 'No results for “{q}”; results for close words: {words}.'),
        { q: query.trim(), words: close.words.join(', ') }) + ' ' + counted);
    } else if (count === 0 && found > 0) {
      setStatus(text('i18nNoneFiltered', 'No results with these filters.'));
    } else if (count === 0) {
      setStatus(format(text('i18nNone', 'No results for “{q}”.'), { q: query.trim() }), query.trim());
    } else {
      setStatus(counted);
    }
    list.setAttribute('data-search-ms', String(Math.round(((window.performance ? performance.now() : 0) - started) * 10) / 10));
  }

  function search(query) {
    var filters = activeFilters();
    var key = query + '\u0000' + JSON.stringify(filters);
    updateUrl(query.trim(), filters);
    if (clearFilters) {
      clearFilters.hidden = !hasFilters(filters);
    }
    state.pending = key;
    if (!query.trim() && !hasFilters(filters)) {
      clear(list);
      setStatus('');
      return;
    }
    if (state.ready) {
      show(state.ready, query, filters);
      return;
    }
    setStatus(text('i18nLoading', 'Loading…'));
    load().then(function (ready) {
      // Only the latest search counts: the reader may have typed on while the index loaded.
      if (state.pending === key) {
        show(ready, query, filters);
      }
    }, function () {
      if (state.pending === key) {
        setStatus(text('i18nError', 'The search is unavailable.'));
      }
    });
  }

  input.addEventListener('focus', function () {
    load().catch(function () { /* reported when the reader searches */ });
  });

  input.addEventListener('input', function () {
    clearTimeout(state.timer);
    var query = input.value;
    state.timer = setTimeout(function () { search(query); }, DEBOUNCE_MS);
  });

  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(state.timer);
      search(input.value);
    });
  }

  filterSelects.forEach(function (select) {
    select.addEventListener('change', function () {
      clearTimeout(state.timer);
      search(input.value);
    });
  });

  if (clearFilters) {
    clearFilters.addEventListener('click', function () {
      filterSelects.forEach(function (select) { select.value = ''; });
      search(input.value);
      input.focus();
    });
  }

  // A shared link restores its search: the words, and each filter whose value is one of its options.
  var params = new URLSearchParams(window.location.search);
  filterSelects.forEach(function (select) {
    var value = params.get(select.getAttribute('data-filter'));
    var known = value && Array.prototype.some.call(select.options, function (option) { return option.value === value; });
    select.value = known ? value : '';
  });
  var initial = params.get('q') || '';
  input.value = initial;
  if (initial || hasFilters(activeFilters())) {
    search(initial);
  }
})(typeof window !== 'undefined' ? window : this);
