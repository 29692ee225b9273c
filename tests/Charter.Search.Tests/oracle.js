/*
 * The oracle's side in JavaScript, run after the genuine lunr files (lunr.min.js, then the
 * scripts of every language of Charter.Search's SearchLanguages: lunr.stemmer.support.js,
 * lunr.fr.js, lunr.es.js, from tests/js/node_modules) and the theme's search.js,
 * by Jint inside the test process (LunrOracle) and by Node.js (NodeOracle, the V8 cross-check).
 * One entry point: CharterOracle.run(requestsJson) returns the JSON of one answer per request.
 */
var CharterOracle = (function (root) {
  'use strict';

  var lunr = root.lunr;
  CharterSearch.setup(lunr);

  function pipelineOf(lang) {
    var pipeline = new lunr.Pipeline();
    CharterSearch.indexPipeline(lunr, lang).forEach(function (fn) { pipeline.add(fn); });
    return pipeline;
  }

  var searchers = Object.create(null);

  var ops = {
    // JSON.stringify(builder.build()), with Charter's fields and configuration.
    serialize: function (req) {
      var docs = req.docs;
      var index = lunr(function () {
        this.ref('id');
        this.field('title', { boost: 10 });
        this.field('text');
        CharterSearch.configure(this, lunr, req.lang);
        for (var i = 0; i < docs.length; i++) {
          this.add({ id: docs[i][0], title: docs[i][1], text: docs[i][2] });
        }
      });
      return JSON.stringify(index);
    },

    // Each word lower-cased, then through the language's index pipeline; null when dropped.
    pipeline: function (req) {
      var pipeline = pipelineOf(req.lang);
      return req.words.map(function (word) {
        var out = pipeline.run([new lunr.Token(word.toLowerCase())]);
        return out.length ? out[0].toString() : null;
      });
    },

    // The bare stemmer of a language ("en": lunr.stemmer, "fr": lunr.fr.stemmer, "es": lunr.es.stemmer).
    stem: function (req) {
      var stemmer = req.lang === 'en' ? lunr.stemmer : lunr[req.lang].stemmer;
      return req.words.map(function (word) {
        return stemmer(new lunr.Token(word)).toString();
      });
    },

    // lunr.tokenizer with Charter's separator.
    tokenize: function (req) {
      return req.texts.map(function (text) {
        return lunr.tokenizer(text).map(function (token) { return token.toString(); });
      });
    },

    // Every UTF-16 code unit the tokenizer cuts at.
    separators: function () {
      var out = [];
      for (var c = 0; c <= 0xFFFF; c++) {
        if (String.fromCharCode(c).match(lunr.tokenizer.separator)) {
          out.push(c);
        }
      }
      return out;
    },

    // The pipelines search.js configures a builder with (as lunr(function () { … }) does, from
    // lunr's defaults), by label; and the plugin's word characters, when it has one.
    pipelines: function (req) {
      var builder = new lunr.Builder();
      builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
      builder.searchPipeline.add(lunr.stemmer);
      CharterSearch.configure(builder, lunr, req.lang);
      var plugin = req.lang === 'en' ? null : lunr[req.lang];
      return {
        index: builder.pipeline.toJSON(),
        search: builder.searchPipeline.toJSON(),
        wordCharacters: plugin && typeof plugin.wordCharacters === 'string' ? plugin.wordCharacters : null
      };
    },

    lower: function (req) {
      return req.strings.map(function (s) { return s.toLowerCase(); });
    },

    // Math.round(x * 1000) / 1000 as JSON.stringify writes it.
    roundedJson: function (req) {
      return JSON.stringify(req.numbers.map(function (x) { return Math.round(x * 1000) / 1000; }));
    },

    // Searches with search.js's own query logic: refs in order, with the number of words matched.
    search: function (req) {
      var key = req.lang + '\n' + req.index;
      var searcher = searchers[key];
      if (!searcher) {
        searcher = searchers[key] = CharterSearch.createSearcher(lunr, req.lang, JSON.parse(req.index));
      }
      return req.queries.map(function (query) {
        return searcher.search(query).map(function (result) {
          return { ref: result.ref, words: result.wordsMatched, terms: result.terms };
        });
      });
    }
  };

  return {
    run: function (requestsJson) {
      var requests = JSON.parse(requestsJson);
      return JSON.stringify(requests.map(function (req) { return ops[req.op](req); }));
    }
  };
})(this);
