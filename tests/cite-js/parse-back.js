// Reads citation files back with Citation.js, a real parser of each format, and prints what it understood as CSL-JSON.
// Input (stdin): a JSON array of { "path": FILE, "format": "biblatex" | "bibtex" | "ris" | "csl" } (a .bib file is read
// both ways: as biblatex, with its date, urldate and language, and as classic BibTeX, with year and month).
// Output (stdout): a JSON array, in the same order, of { "items": [CSL items] } or { "error": message }.
// Used by tests/Charter.Tests/Cite: the files must mean what the build meant, as a reference manager would read them.
'use strict';
const fs = require('fs');
const { Cite, plugins } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');
require('@citation-js/plugin-csl');

// The input type for each format, so that Citation.js does not have to guess (and cannot guess wrong).
const types = { biblatex: '@biblatex/text', bibtex: '@bibtex/text', ris: '@ris/file', csl: '@csl/list+object' };
const requests = JSON.parse(fs.readFileSync(0, 'utf8'));
const answers = requests.map(({ path, format }) => {
  try {
    const text = fs.readFileSync(path, 'utf8');
    const input = format === 'csl' ? JSON.parse(text) : text;
    const items = plugins.input.chain(input, { forceType: types[format], generateGraph: false });
    return { items };
  } catch (e) {
    return { error: String(e && e.stack || e) };
  }
});
process.stdout.write(JSON.stringify(answers));
