using System.Globalization;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;

namespace Charter.Bench.Corpus;

/// <summary>
/// Writes a site root (charter.yml, content/, themes/default) holding N synthetic charters shaped like the real
/// main charter: its structure.yml copied, and the same files and units in every language, written from what our
/// own loader read of each (its kind's fields, its text, references, lists of units and notes), with the real text's
/// lengths and words (see <see cref="TextMixer"/>), the same references to declarations, and the real declarations
/// and frameworks copied as they are. Nothing here knows the real charter's kinds: the structure says them.
/// The output depends only on N and the real content: no clock, no process-dependent hashing.
/// </summary>
public sealed class SiteGenerator
{
    private readonly SiteContent _real;
    private readonly string _realSlug;
    private readonly Dictionary<string, TextMixer> _mixers;
    private readonly IReadOnlyList<string> _names;

    private SiteGenerator(SiteContent real)
    {
        _real = real;
        _realSlug = real.Config.MainCharter is { } m && real.CharterSlugs.Contains(m) ? m : real.CharterSlugs[0];
        _mixers = real.Config.Languages.ToDictionary(l => l, l => new TextMixer(RealTexts(real, l)));
        // Charters are named after the cities that contributed to the real one, which is what a network's charters would be.
        // The first list of names in the real charter's parts, in its structure's order (the acknowledgements' contributors).
        var edition = real.Edition(_realSlug, real.Config.DefaultLanguage);
        _names = real.Structures[_realSlug].Parts.Select(p => edition?.Parts.GetValueOrDefault(p.Id)).OfType<Unit>()
            .SelectMany(u => u.OrderedFields).Select(f => f.Value).FirstOrDefault(f => f.Type == FieldType.List && f.Items.Length > 0)?.Items
            is { } names ? names : ["Lampedusa"];
    }

    /// <summary>Loads the real content with the project's own loader; null (with the diagnostics printed) if it does not load cleanly.</summary>
    public static SiteGenerator? FromRepository(string repoRoot, TextWriter errors)
    {
        var diagnostics = new DiagnosticBag();
        var real = ContentLoader.Load(repoRoot, diagnostics);
        foreach (var d in diagnostics.Sorted().Where(d => d.Severity == Severity.Error)) errors.WriteLine(d);
        if (real is null || diagnostics.HasErrors || real.CharterSlugs.IsEmpty)
        {
            errors.WriteLine($"bench: the real content in {repoRoot} does not load; fix it first");
            return null;
        }
        return new SiteGenerator(real);
    }

    public static string Slug(int index, int count) =>
        "charter-" + index.ToString(new string('0', Math.Max(3, count.ToString(CultureInfo.InvariantCulture).Length)), CultureInfo.InvariantCulture);

    public void Write(string siteRoot, int count, string themeSource)
    {
        if (Directory.Exists(siteRoot)) Directory.Delete(siteRoot, recursive: true);
        var content = Path.Combine(siteRoot, ContentLoader.ContentFolder);
        Directory.CreateDirectory(content);

        File.WriteAllText(Path.Combine(siteRoot, "charter.yml"), SiteConfig(count));
        CopyDirectory(themeSource, Path.Combine(siteRoot, "themes", "default"));

        // The declarations are site-wide and few: the real files, unchanged.
        var declarations = Path.Combine(content, ContentLoader.DeclarationsFolder);
        Directory.CreateDirectory(declarations);
        foreach (var d in _real.Declarations)
            File.WriteAllText(Path.Combine(declarations, Path.GetFileName(d.File.Path)), d.File.Text);

        Parallel.For(1, count + 1, i =>
        {
            foreach (var language in _real.Config.Languages)
            {
                var real = _real.Edition(_realSlug, language);
                if (real is not null) WriteCharter(content, i, count, real);
            }
        });
    }

    private string SiteConfig(int count)
    {
        var c = _real.Config;
        var lines = new List<string> { "# Synthetic corpus written by `charter-bench generate`; see bench/README.md.", "title:" };
        lines.AddRange(c.Languages.Select(l => $"  {l}: {FrontMatterWriter.Quote(c.TitleIn(l))}"));
        lines.Add($"languages: [{string.Join(", ", c.Languages)}]");
        lines.Add($"default_language: {c.DefaultLanguage}");
        lines.Add($"base_url: {c.BaseUrl}");
        lines.Add("theme: default");
        lines.Add($"main_charter: {Slug(1, count)}");
        lines.Add("allow_html: false");
        return string.Join('\n', lines) + "\n";
    }

    private void WriteCharter(string content, int index, int count, CharterEdition real)
    {
        var slug = Slug(index, count);
        var lang = real.Language;
        var structure = _real.Structures[_realSlug];
        var dir = Path.Combine(content, slug);
        Directory.CreateDirectory(dir);
        // The shape itself is data: each synthetic charter gets the real one's structure.yml as it is.
        File.WriteAllText(Path.Combine(dir, StructureLoader.FileName), structure.File.Text);
        void Save(string relative, string text)
        {
            var path = Path.Combine(dir, $"{relative}.{lang}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var name = _names[(index - 1) % _names.Count] + (index > _names.Count ? $" {(index - 1) / _names.Count + 1}" : "");
        string Named(string text) => text.Replace(_realSlug, name, StringComparison.OrdinalIgnoreCase);

        if (real.Meta is { } meta)
            Save(ContentLoader.MetaFile, new FrontMatterWriter()
                .Field("title", Named(meta.Title)).Field("short_title", Named(meta.ShortTitle))
                .Field("organization", meta.Organization).Raw("year", meta.Year).Field("place", meta.Place)
                .Field("citation", Named(meta.Citation)).Field("description", Named(meta.Description))
                .Build(_mixers[lang].Mix(meta.Body?.Source, Rng.For(slug, lang, ContentLoader.MetaFile))));

        var writer = new UnitWriter(structure, _mixers[lang], slug, lang, _real.Config.Limits);
        // The parts in the structure's order, then the files of each folder, under their real names.
        foreach (var part in structure.Parts)
            if (real.Parts.TryGetValue(part.Id, out var unit)) Save(part.Id, writer.File(unit));
        foreach (var (folder, units) in real.Folders.OrderBy(f => f.Key, StringComparer.Ordinal))
            foreach (var unit in units)
            {
                var file = Path.GetFileName(unit.File.Path);
                Save($"{folder}/{file[..file.IndexOf('.')]}", writer.File(unit));
            }
    }

    /// <summary>
    /// Writes a unit that is a file, and the units listed in it, as its kind in the structure reads them: <c>kind:</c>
    /// and <c>id:</c> where the real file spells them out (or the content could not do without them), the kind's fields
    /// in its order (one line of text as it is, Markdown mixed, numbers and dates plain, refs and names as lists, names
    /// shuffled), the unit's own text (mixed: the body, or its text field), its references, its lists of units, its notes.
    /// </summary>
    private sealed class UnitWriter(Structure structure, TextMixer mixer, string slug, string lang, Limits limits)
    {
        public string File(Unit unit)
        {
            var kind = structure.Kind(unit.Kind);
            // The real file's own mapping, to tell which keys it writes that the structure could have given (id, kind).
            var parsed = FrontMatter.Parse(unit.File, limits, new DiagnosticBag());
            var w = new FrontMatterWriter();
            foreach (var line in Mapping(unit, kind, parsed?.Fields, null)) w.Line(line);
            if (!unit.Notes.IsEmpty)
            {
                w.Line("notes:");
                foreach (var (label, note) in unit.Notes.OrderBy(n => n.Key, StringComparer.Ordinal)) w.Field(label, note.Source, 2);
            }
            return w.Build(kind.TextIsBody ? Mix(unit.Text, unit.Id) : null);
        }

        private string Mix(MarkdownText? text, params object[] key) => mixer.Mix(text?.Source, Rng.For([slug, lang, .. key]));

        /// <summary>The YAML lines of a unit's mapping, its keys at column 0.</summary>
        /// <param name="real">The same unit's mapping in the real file.</param>
        /// <param name="list">The list the unit is an entry of (null for a file).</param>
        private List<string> Mapping(Unit unit, KindDef kind, FieldReader? real, ChildDef? list)
        {
            var lines = new List<string>();
            void Scalar(string key, string value) => lines.Add($"{key}: {value}");
            void Block(string key, IEnumerable<string> values)
            {
                lines.Add($"{key}:");
                lines.AddRange(values.Select(v => $"  - {FrontMatterWriter.Quote(v)}"));
            }

            if (list is not null && (real?.Has("kind") == true || unit.Kind != list.Kinds[0])) Scalar("kind", unit.Kind);
            if (real?.Has("id") == true || kind.IdPattern.Length == 0) Scalar("id", FrontMatterWriter.Quote(unit.Id));
            foreach (var def in kind.OrderedFields)
            {
                if (unit.Field(def.Key) is not { } value) continue;
                switch (def.Type)
                {
                    case FieldType.Text or FieldType.Link: Scalar(def.Key, FrontMatterWriter.Quote(value.Text ?? "")); break;
                    case FieldType.Markdown: Scalar(def.Key, FrontMatterWriter.Quote(Mix(value.Markdown, unit.Id, def.Key))); break;
                    case FieldType.Number: Scalar(def.Key, $"{value.Number}"); break;
                    case FieldType.Date: Scalar(def.Key, $"{value.Date}"); break;
                    case FieldType.Refs: Block(def.Key, value.Items); break;
                    case FieldType.List:
                        // Names are not prose: the same names, in another order.
                        var names = value.Items.ToList();
                        Rng.For(slug, lang, unit.Id, def.Key).Shuffle(names);
                        Block(def.Key, names);
                        break;
                }
            }
            if (!kind.TextIsBody && kind.Text != "none") Scalar(kind.Text, FrontMatterWriter.Quote(Mix(unit.Text, unit.Id)));
            if (unit.References.Length > 0) Scalar("references", FrontMatterWriter.List(unit.References));
            foreach (var child in kind.Children.Where(c => c.Key is not null))
            {
                var items = unit.Children.Where(c => c.ListKey == child.Key).ToList();
                if (items.Count == 0)
                {
                    if (real?.Has(child.Key!) == true) Scalar(child.Key!, "[]");
                    continue;
                }
                var realItems = real?.List(child.Key!) ?? [];
                lines.Add($"{child.Key}:");
                for (int i = 0; i < items.Count; i++)
                {
                    var entry = Mapping(items[i], structure.Kind(items[i].Kind), i < realItems.Count ? realItems[i] : null, child);
                    // An entry of the list: "- " before its first key, the others under it.
                    lines.AddRange(entry.Select((line, j) => (j == 0 ? "  - " : "    ") + line));
                }
            }
            return lines;
        }
    }

    /// <summary>Every Markdown text of the real charters and declarations in one language: the words the mixer draws from.</summary>
    private static IEnumerable<string> RealTexts(SiteContent real, string language)
    {
        IEnumerable<MarkdownText?> Texts(CharterEdition e)
        {
            yield return e.Meta?.Body;
            foreach (var unit in e.AllUnits())
            {
                yield return unit.Text;
                foreach (var (_, field) in unit.OrderedFields) yield return field.Markdown;
            }
        }
        var charters = real.Editions.Values.Where(e => e.Language == language).OrderBy(e => e.Slug, StringComparer.Ordinal).SelectMany(Texts);
        var declarations = real.Declarations.Where(d => d.Language == language).Select(d => d.Body);
        return charters.Concat(declarations).OfType<MarkdownText>().Select(t => t.Source);
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
