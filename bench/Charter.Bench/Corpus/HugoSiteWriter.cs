using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Core.Validate;

namespace Charter.Bench.Corpus;

/// <summary>
/// Writes a Hugo site equivalent to one of ours: the same pages at the same addresses, in every language,
/// with the same Markdown. The site is read with the project's own loader and resolver, so Hugo gets exactly
/// the text our build renders (with fallbacks resolved): a page for each resolved unit whose kind has one, at its
/// address. Units listed in a page's unit (priorities, premises, lists and their items, milestones) go into its
/// front matter and Hugo renders them with markdownify, as a Hugo site of this shape would.
/// The layouts (one per page kind, named by the kinds' templates) live in bench/Charter.Bench/hugo/layouts and
/// are copied as they are; they know the Lampedusa shape (its kinds and their fields by name), as a hand-made
/// Hugo site of it would.
/// </summary>
public sealed partial class HugoSiteWriter
{
    [GeneratedRegex(@"\[([^\]\n]*)\]\{lang=[A-Za-z-]+\}")]
    private static partial Regex LangSpan();

    [GeneratedRegex(@"\[\^(?<label>[^\]\s]+)\]")]
    private static partial Regex NoteRef();

    private const string CharterFolder = "charters";

    private readonly ResolvedSite _site;
    private readonly string _sourceRoot;

    private HugoSiteWriter(ResolvedSite site, string sourceRoot)
    {
        _site = site;
        _sourceRoot = sourceRoot;
    }

    /// <summary>Reads a site root of ours; null (with the errors printed) if it does not build cleanly.</summary>
    public static HugoSiteWriter? FromSite(string siteRoot, TextWriter errors)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(siteRoot, diagnostics);
        ResolvedSite? site = null;
        if (content is not null)
        {
            ContentValidator.Validate(content, diagnostics);
            site = Resolver.Resolve(content, diagnostics);
        }
        foreach (var d in diagnostics.Sorted().Where(d => d.Severity == Severity.Error)) errors.WriteLine(d);
        if (site is null || diagnostics.HasErrors)
        {
            errors.WriteLine($"bench: {siteRoot} does not load cleanly; no Hugo site written");
            return null;
        }
        return new HugoSiteWriter(site, siteRoot);
    }

    public void Write(string hugoRoot, string layoutsSource)
    {
        if (Directory.Exists(hugoRoot)) Directory.Delete(hugoRoot, recursive: true);
        Directory.CreateDirectory(hugoRoot);
        var config = _site.Config;
        File.WriteAllText(Path.Combine(hugoRoot, "config.yaml"), HugoConfig());
        SiteGenerator.CopyDirectory(layoutsSource, Path.Combine(hugoRoot, "layouts"));
        // The theme's UI strings, in go-i18n's explicit form: a flat map is misread as one message when it has a key
        // that go-i18n reserves (the theme has 'description'). The theme's assets become Hugo's static files.
        Directory.CreateDirectory(Path.Combine(hugoRoot, "i18n"));
        foreach (var language in config.Languages)
            File.WriteAllText(Path.Combine(hugoRoot, "i18n", $"{language}.yaml"), string.Concat(UiStrings(language)
                .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}:\n  other: {FrontMatterWriter.Quote(kv.Value)}\n")));
        SiteGenerator.CopyDirectory(Path.Combine(ThemeRoot, "assets"), Path.Combine(hugoRoot, "static", "assets"));

        Parallel.ForEach(config.Languages, language => WriteLanguage(Path.Combine(hugoRoot, "content", language), language));
    }

    private string HugoConfig()
    {
        var c = _site.Config;
        var lines = new List<string>
        {
            "# Written by `charter-bench generate`: the Hugo twin of the site in ../site (see bench/README.md).",
            $"baseURL: {FrontMatterWriter.Quote(c.BaseUrl)}",
            $"defaultContentLanguage: {c.DefaultLanguage}",
            "defaultContentLanguageInSubdir: true",
            // Our build has no taxonomies, feeds or per-language 404 pages; the one 404.html is a page of its own (content/{default}/404.md).
            "disableKinds: [taxonomy, term, RSS, \"404\"]",
            "enableRobotsTXT: true",
            "outputs:",
            "  home: [HTML, JSON]",
            "params:",
            $"  main_charter: {FrontMatterWriter.Quote(_site.MainCharter)}",
            "languages:",
        };
        foreach (var (language, i) in c.Languages.Select((l, i) => (l, i)))
        {
            lines.Add($"  {language}:");
            lines.Add($"    contentDir: content/{language}");
            lines.Add($"    weight: {i + 1}");
            lines.Add($"    title: {FrontMatterWriter.Quote(c.TitleIn(language))}");
            lines.Add($"    languageName: {FrontMatterWriter.Quote(Strings(language).GetValueOrDefault("language_name", language))}");
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The site's theme, which holds the UI strings and assets both builds use.</summary>
    private string ThemeRoot => Path.Combine(_sourceRoot, "themes", _site.Config.Theme);

    private readonly Dictionary<string, Dictionary<string, string>> _strings = [];

    private Dictionary<string, string> Strings(string language)
    {
        lock (_strings)
        {
            if (_strings.TryGetValue(language, out var cached)) return cached;
            var path = Path.Combine(ThemeRoot, "i18n", $"{language}.yml");
            var file = File.Exists(path)
                ? new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, object>>(File.ReadAllText(path)) ?? []
                : [];
            // The UI strings are the file's text values; its 'language:' block describes the language, and gives
            // the name Hugo's languageName takes and how a month is written.
            var map = file.Where(kv => kv.Value is string).ToDictionary(kv => kv.Key, kv => (string)kv.Value);
            if (file.GetValueOrDefault("language") is IDictionary<object, object> descriptor)
            {
                if (descriptor.TryGetValue("name", out var name) && name is string own) map["language_name"] = own;
                // How a month is written ("{month} {year}"), for the timeline's dates.
                if (descriptor.TryGetValue("month_year", out var format) && format is string monthYear) map["month_year"] = monthYear;
            }
            return _strings[language] = map;
        }
    }

    /// <summary>
    /// The strings Hugo's layouts ask for: the theme's, with the words our build takes from the main charter's
    /// structure.yml instead — "Priorité {number}" as kind_priority, each part's navigation label as nav_PART, each
    /// heading of a kind as HEADING_KIND (previous_principle, concerns_milestone), each list's heading as KEY_heading
    /// (priorities_heading).
    /// </summary>
    private Dictionary<string, string> UiStrings(string language)
    {
        var map = new Dictionary<string, string>(Strings(language), StringComparer.Ordinal);
        if (!_site.Editions.TryGetValue((_site.MainCharter, language), out var main)) return map;
        foreach (var kind in main.Structure.Kinds.Values)
            if (kind.Label.In(language) is { } label) map["kind_" + kind.Name] = label;
        foreach (var part in main.Structure.Parts)
            if (main.Structure.Kinds.GetValueOrDefault(part.Kind)?.Nav.In(language) is { } nav) map["nav_" + part.Id] = nav;
        foreach (var kind in main.Structure.Kinds.Values)
        {
            foreach (var (key, text) in kind.Headings)
                if (text.In(language) is { } heading) map[$"{key}_{kind.Name}"] = heading;
            foreach (var child in kind.Children.Where(c => c.Key is not null))
                if (child.Heading.In(language) is { } heading) map[$"{child.Key}_heading"] = heading;
        }
        return map;
    }

    private void WriteLanguage(string root, string language)
    {
        var t = Strings(language);
        void Save(string relative, string text)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        Save("_index.md", new FrontMatterWriter().Field("title", _site.Config.TitleIn(language)).Build(null));
        Save("search.md", new FrontMatterWriter().Field("title", t.GetValueOrDefault("search_title", "Search")).Raw("layout", "search").Build(null));
        if (language == _site.Config.DefaultLanguage)
            Save("404.md", new FrontMatterWriter().Field("title", t.GetValueOrDefault("not_found_title", "Not found"))
                .Raw("url", "/404.html").Raw("layout", "notfound").Raw("noindex", "true").Build(null));

        Save("declarations/_index.md", new FrontMatterWriter().Field("title", t.GetValueOrDefault("declarations_title", "Declarations"))
            .Raw("layout", "declarations").Build(null));
        foreach (var rd in _site.DeclarationsByLanguage[language])
        {
            var d = rd.Declaration.Value;
            Save($"declarations/{d.Id}.md", new FrontMatterWriter().Field("title", d.Title).Raw("layout", "declaration")
                .Field("decl_id", d.Id).Field("dtype", d.Type).Field("issuer", d.Issuer).Field("year", d.Year)
                .Field("excerpt", d.Excerpt).Field("source_url", d.Url).Build(Markdown(d.Body?.Source)));
        }

        // All charters sit in one section that is not published itself: Hugo caches a layout per top-level section,
        // so a section per charter would make it parse its templates again for every charter.
        Save($"{CharterFolder}/_index.md", new FrontMatterWriter().Field("title", "Charters").Raw("hidden", "true")
            .Line("_build:").Raw("render", "never", 2).Raw("list", "always", 2).Build(null));
        var weight = 0;
        foreach (var slug in _site.CharterSlugs.OrderBy(s => s == _site.MainCharter ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal))
        {
            if (!_site.Editions.TryGetValue((slug, language), out var e)) continue;
            WriteCharter(Save, e, ++weight);
            if (slug == _site.MainCharter) WriteShortForms(Save, e);
        }
    }

    /// <summary>The references of the passages shown on a page: what its "cited by" entries are found by.</summary>
    private static void PageReferences(FrontMatterWriter w, ResolvedEdition e, string pagePath)
    {
        var ids = e.Passages.Where(p => p.PagePath == pagePath).SelectMany(p => p.References).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ids.Count > 0) w.Line($"references: {FrontMatterWriter.List(ids)}");
    }

    /// <summary>
    /// A charter in one language: its home (its metadata, and the parts that have no page of their own, each under its id
    /// without hyphens: <c>ambition:</c>, <c>cocreation:</c>), then a page for every unit whose kind has one, at its address,
    /// with the layout its kind's template names; a page whose units have pages below it is a Hugo section
    /// (principles/_index.md), so that its layout can list them. A page's front matter holds its unit's fields under their
    /// keys and the units listed in it under their lists' keys (premises, priorities, lists and their items, milestones),
    /// which is the shape the layouts in hugo/layouts read.
    /// </summary>
    private void WriteCharter(Action<string, string> save, ResolvedEdition e, int weight)
    {
        var lang = e.Language;
        var slug = e.Slug;
        var meta = e.Meta.Value;
        var homePath = Permalinks.Charter(lang, slug);
        // Each page says where it is published, since its folder (charters/SLUG/) is not its address.
        FrontMatterWriter Start(string title, string layout, string path) =>
            new FrontMatterWriter().Field("title", title).Raw("layout", layout).Field("url", "/" + path).Field("charter", slug);

        var home = Start(meta.Title, "charter", homePath).Raw("kind", "charter").Raw("weight", weight)
            .Field("short_title", meta.ShortTitle).Field("organization", meta.Organization).Field("year", meta.Year)
            .Field("place", meta.Place).Field("citation", meta.Citation).Field("description", meta.Description);
        foreach (var part in e.Parts.Where(p => !p.HasPage))
        {
            home.Line($"{part.Id.Replace("-", "", StringComparison.Ordinal)}:");
            Body(home, e, part, part.Unit.Notes, 2);
        }
        PageReferences(home, e, homePath);
        save($"{CharterFolder}/{slug}/_index.md", home.Build(Markdown(meta.Body?.Source)));

        var partWeight = 0;
        foreach (var part in e.Parts)
        {
            if (part.HasPage) partWeight++;
            foreach (var u in part.DescendantsAndSelf().Where(u => u.HasPage))
                WritePage(save, Start, e, u, u == part ? partWeight : u.Unit.Ordinal);
        }

        // The side-by-side page gathers its rows from the charter's pages in every language (layouts/partials/passages.html).
        var sideBySide = Permalinks.CharterPage(lang, slug, Permalinks.SideBySide);
        var sbs = Start(Strings(lang).GetValueOrDefault("side_by_side", "Side by side"), "side-by-side", sideBySide).Raw("weight", partWeight + 1);
        save($"{CharterFolder}/{slug}/{Permalinks.SideBySide}.md", sbs.Build(null));
    }

    private void WritePage(Action<string, string> save, Func<string, string, string, FrontMatterWriter> start, ResolvedEdition e, ResolvedUnit u, int weight)
    {
        var relative = u.PagePath[Permalinks.Charter(e.Language, e.Slug).Length..].Trim('/');
        var isSection = u.DescendantsAndSelf().Skip(1).Any(c => c.HasPage);
        var w = start(Title(u, e.Language), u.Kind.Template ?? "single", u.PagePath).Raw("weight", weight);
        // Footnotes are the file's: a unit that is a file has its own, the units listed in it use them.
        Body(w, e, u, u.Unit.Notes, 0, page: true);
        PageReferences(w, e, u.PagePath);
        save($"{CharterFolder}/{e.Slug}/{relative}{(isSection ? "/_index" : "")}.md", w.Build(u.Kind.Text == "none" ? null : WithNotes(u.Unit.Text?.Source, u.Unit.Notes)));
    }

    /// <summary>A page's title: the unit's title or heading, else its kind's label, else its navigation label.</summary>
    private static string Title(ResolvedUnit u, string lang) =>
        u.Unit.TextField("title") ?? u.Unit.TextField("heading")
        ?? (u.Kind.Label.In(lang) is { } label ? label.Replace("{number}", u.Unit.Number, StringComparison.Ordinal) : null)
        ?? u.Kind.Nav.In(lang) ?? u.Id;

    /// <summary>
    /// A unit's id, number, fields by type (text as it is, Markdown as Goldmark reads it, numbers and names plain, refs as
    /// a list, a date also as its year (for grouping) and month (for its label), a link as the address it leads to), its text (unless it is its page's
    /// body), then the units listed in it, each an entry with its id, kind and number.
    /// </summary>
    /// <param name="page">Whether this is the front matter of the unit's own page, which has its title and its text (the body) already.</param>
    private void Body(FrontMatterWriter w, ResolvedEdition e, ResolvedUnit u, IReadOnlyDictionary<string, MarkdownText> notes, int indent,
        bool page = false, string firstPrefix = "")
    {
        // An entry of a list opens with "- " before its first key, which is always its id.
        w.Field(firstPrefix + "id", u.Id, indent - firstPrefix.Length);
        if (firstPrefix.Length > 0) w.Raw("kind", u.Unit.Kind, indent);
        if (u.Unit.Number.Length > 0)
        {
            // A page's number is a number (its layout prints it after a 0); a listed unit's is its full number, "2.3".
            if (firstPrefix.Length > 0) w.Field("number", u.Unit.Number, indent);
            else w.Raw("number", u.Unit.Number, indent);
        }
        foreach (var (key, value) in u.Unit.OrderedFields)
        {
            if (key == "number" || (page && key == "title")) continue;
            switch (value.Type)
            {
                case FieldType.Text: w.Field(key, value.Text, indent); break;
                case FieldType.Markdown: w.Field(key, WithNotes(value.Markdown?.Source, notes), indent); break;
                case FieldType.Number: w.Raw(key, value.Number, indent); break;
                case FieldType.Date: w.Field(key, value.Date?.ToString(), indent).Raw("year", value.Date?.Year, indent).Raw("month", value.Date?.Month, indent); break;
                case FieldType.Refs: w.Line($"{key}: {FrontMatterWriter.List(value.Items)}", indent); break;
                case FieldType.List: w.Strings(key, value.Items, indent); break;
                case FieldType.Link: w.Field(key, LinkUrl(e, value.Text ?? ""), indent); break;
            }
        }
        if (!page && u.Kind.Text != "none" && u.Unit.Text is { } text) w.Field("text", WithNotes(text.Source, notes), indent);
        foreach (var list in u.Kind.Children.Where(c => c.Key is not null))
        {
            var items = u.Children.Where(c => c.Unit.ListKey == list.Key).ToList();
            if (items.Count == 0) continue;
            w.Line($"{list.Key}:", indent);
            foreach (var item in items) Body(w, e, item, notes, indent + 4, firstPrefix: "- ");
        }
    }

    /// <summary>Where a link field leads, as our build links it: a declaration (ref:ID), the side-by-side view, or a unit's page or place.</summary>
    private static string? LinkUrl(ResolvedEdition e, string target)
    {
        if (target.StartsWith("ref:", StringComparison.Ordinal)) return "/" + Permalinks.Declaration(e.Language, target[4..]);
        if (target == Permalinks.SideBySide) return "/" + Permalinks.CharterPage(e.Language, e.Slug, Permalinks.SideBySide);
        return e.Units.FirstOrDefault(u => u.Id == target) is { } unit ? "/" + (unit.HasPage ? unit.PagePath : unit.Url) : null;
    }

    /// <summary>Hugo's footnotes are defined in the text they are used in; ours come from the file's <c>notes:</c>.</summary>
    private static string WithNotes(string? text, IReadOnlyDictionary<string, MarkdownText> notes) =>
        text is null ? "" : Markdown(text) + string.Concat(NoteRef().Matches(text)
            .Select(m => m.Groups["label"].Value).Distinct().Where(notes.ContainsKey)
            .Select(label => $"\n\n[^{label}]: {Markdown(notes[label].Source)}"));

    /// <summary>The short addresses of the main charter (/fr/2/, /fr/2.3/): pages that send the reader on to the unit.</summary>
    private static void WriteShortForms(Action<string, string> save, ResolvedEdition e)
    {
        foreach (var u in e.Units.Where(u => u.Kind.Short is not null))
        {
            var name = u.Kind.Short!.Replace("{number}", u.Unit.Number, StringComparison.Ordinal).Replace("{id}", u.Id, StringComparison.Ordinal);
            var label = u.Kind.Label.In(e.Language)?.Replace("{number}", u.Unit.Number, StringComparison.Ordinal) ?? u.Id;
            save($"{name}.md", Redirect(label, "/" + u.Url));
        }
    }

    private static string Redirect(string title, string target) =>
        new FrontMatterWriter().Field("title", title).Raw("layout", "redirect").Field("target", target).Raw("noindex", "true").Build(null);

    /// <summary>Our Markdown as Hugo's Goldmark reads it: language spans (our extension) become their plain text.</summary>
    private static string Markdown(string? text) => text is null ? "" : LangSpan().Replace(text, "$1");
}
