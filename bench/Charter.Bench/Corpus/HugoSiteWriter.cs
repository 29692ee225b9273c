using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Core.Validate;

namespace Charter.Bench.Corpus;

/// <summary>
/// Writes a Hugo site equivalent to one of ours: the same pages at the same addresses, in both languages,
/// with the same Markdown. The site is read with the project's own loader and resolver, so Hugo gets exactly
/// the text our build renders (with fallbacks resolved). Units (priorities, premises, items, milestones) go
/// into front matter and Hugo renders them with markdownify, as a Hugo site of this shape would.
/// The layouts (one per page kind) live in bench/Charter.Bench/hugo/layouts and are copied as they are.
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
            File.WriteAllText(Path.Combine(hugoRoot, "i18n", $"{language}.yaml"), string.Concat(Strings(language)
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
            // the name Hugo's languageName takes.
            var map = file.Where(kv => kv.Value is string).ToDictionary(kv => kv.Key, kv => (string)kv.Value);
            if (file.GetValueOrDefault("language") is IDictionary<object, object> descriptor && descriptor.TryGetValue("name", out var name) && name is string own)
                map["language_name"] = own;
            return _strings[language] = map;
        }
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
            if (slug == _site.MainCharter) WriteShortForms(Save, e, t);
        }
    }

    /// <summary>The references of the passages shown on a page: what its "cited by" entries are found by.</summary>
    private static void PageReferences(FrontMatterWriter w, ResolvedEdition e, string pagePath)
    {
        var ids = e.Passages.Where(p => p.PagePath == pagePath).SelectMany(p => p.References).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ids.Count > 0) w.Line($"references: {FrontMatterWriter.List(ids)}");
    }

    private void WriteCharter(Action<string, string> save, ResolvedEdition e, int weight)
    {
        var lang = e.Language;
        var slug = e.Slug;
        var meta = e.Meta.Value;
        string Section(string name) => Permalinks.Section(lang, slug, name);
        // Each page says where it is published, since its folder (charters/SLUG/) is not its address.
        FrontMatterWriter Start(string title, string layout, string path) =>
            new FrontMatterWriter().Field("title", title).Raw("layout", layout).Field("url", "/" + path).Field("charter", slug);

        var home = Start(meta.Title, "charter", Permalinks.Charter(lang, slug)).Raw("kind", "charter").Raw("weight", weight)
            .Field("short_title", meta.ShortTitle).Field("organization", meta.Organization).Field("year", meta.Year)
            .Field("place", meta.Place).Field("citation", meta.Citation).Field("description", meta.Description);
        if (e.Ambition is { } a)
            home.Line("ambition:").Raw("number", a.Value.Number, 2).Field("title", a.Value.Title, 2).Field("headline", a.Value.Headline, 2)
                .Field("text", Markdown(a.Value.Body?.Source), 2);
        if (e.CoCreation is { } co)
            home.Line("cocreation:").Field("title", co.Value.Section.Title, 2).Field("text", Markdown(co.Value.Section.Body?.Source), 2)
                .Line($"declarations: {FrontMatterWriter.List(co.Value.DeclarationIds)}", 2);
        PageReferences(home, e, Permalinks.Charter(lang, slug));
        save($"{CharterFolder}/{slug}/_index.md", home.Build(Markdown(meta.Body?.Source)));

        if (e.Vision is { } v)
        {
            var w = Start(v.Value.Section.Title, "vision", Section("vision")).Raw("weight", 1)
                .Raw("number", v.Value.Section.Number).Field("headline", v.Value.Section.Headline)
                .Field("premises_intro", Markdown(v.Value.PremisesIntro?.Source));
            Units(w, "premises", v.Value.Premises.Select(p => (p.Id, p.Number.ToString(), p.Text.Source)));
            PageReferences(w, e, Section("vision"));
            save($"{CharterFolder}/{slug}/vision.md", w.Build(Markdown(v.Value.Section.Body?.Source)));
        }

        if (e.PrinciplesIntro is not null || !e.Principles.IsEmpty)
        {
            var intro = e.PrinciplesIntro?.Value;
            var w = Start(intro?.Title ?? "Principles", "principles", Section("principles")).Raw("weight", 2)
                .Raw("number", intro?.Number);
            PageReferences(w, e, Section("principles"));
            save($"{CharterFolder}/{slug}/principles/_index.md", w.Build(Markdown(intro?.Body?.Source)));
        }
        foreach (var lp in e.Principles)
        {
            var p = lp.Value;
            // Hugo's footnotes are defined in the text they are used in; ours come from the file's `notes:`.
            string WithNotes(string? text) => text is null ? "" : Markdown(text) + string.Concat(NoteRef().Matches(text)
                .Select(m => m.Groups["label"].Value).Distinct().Where(p.Notes.ContainsKey)
                .Select(label => $"\n\n[^{label}]: {Markdown(p.Notes[label].Source)}"));
            var w = Start(p.Title, "principle", Permalinks.Principle(lang, slug, p.Number)).Raw("weight", p.Number)
                .Field("id", p.Id).Raw("number", p.Number).Field("theme", p.Theme);
            Units(w, "priorities", p.Priorities.Select(x => (x.Id, $"{p.Number}.{x.Number}", WithNotes(x.Text.Source))));
            PageReferences(w, e, Permalinks.Principle(lang, slug, p.Number));
            save($"{CharterFolder}/{slug}/principles/{p.Number}.md", w.Build(WithNotes(p.Description?.Source)));
        }

        if (e.Commitments is { } c)
        {
            var w = Start(c.Value.Section.Title, "commitments", Section("commitments")).Raw("weight", 3)
                .Raw("number", c.Value.Section.Number).Field("headline", c.Value.Section.Headline)
                .Field("lists_intro", Markdown(c.Value.ListsIntro?.Source)).Line("lists:");
            foreach (var list in c.Value.Lists)
            {
                w.Field("- id", list.Id, 2).Raw("kind", list.Kind, 4).Field("heading", list.Heading, 4).Line("items:", 4);
                foreach (var item in list.Items)
                    w.Field("- id", item.Id, 6).Field("number", $"{list.Number}.{item.Number}", 8).Field("text", Markdown(item.Text.Source), 8);
            }
            PageReferences(w, e, Section("commitments"));
            save($"{CharterFolder}/{slug}/commitments.md", w.Build(Markdown(c.Value.Section.Body?.Source)));
        }

        if (e.Timeline is { } tl)
        {
            var w = Start(tl.Value.Title, "timeline", Section("timeline")).Raw("weight", 4)
                .Field("intro", Markdown(tl.Value.Intro?.Source)).Line("milestones:");
            foreach (var m in tl.Value.Milestones)
            {
                var concerns = m.Concerns switch
                {
                    null => null,
                    _ when m.Concerns.StartsWith("ref:", StringComparison.Ordinal) => Permalinks.Declaration(lang, m.Concerns[4..]),
                    _ => Permalinks.SectionPath(lang, slug, m.Concerns),
                };
                w.Field("- id", m.Id, 2).Field("number", m.Number.ToString(), 4).Field("date", m.Date.ToString(), 4)
                    .Raw("year", m.Date.Year, 4).Field("text", Markdown(m.Text.Source), 4).Field("concerns", concerns is null ? null : "/" + concerns, 4);
            }
            PageReferences(w, e, Section("timeline"));
            save($"{CharterFolder}/{slug}/timeline.md", w.Build(null));
        }

        if (e.Acknowledgements is { } ack)
        {
            var w = Start(ack.Value.Section.Title, "acknowledgements", Section("acknowledgements")).Raw("weight", 5)
                .Field("contributors_intro", ack.Value.ContributorsIntro).Strings("contributors", ack.Value.Contributors)
                .Field("partners_intro", ack.Value.PartnersIntro).Strings("partners", ack.Value.Partners);
            save($"{CharterFolder}/{slug}/acknowledgements.md", w.Build(Markdown(ack.Value.Section.Body?.Source)));
        }

        // The side-by-side page gathers its rows from the charter's pages in every language (layouts/partials/passages.html).
        var sbs = Start(Strings(lang).GetValueOrDefault("side_by_side", "Side by side"), "side-by-side", Section("side-by-side"))
           .Raw("weight", 6);
        save($"{CharterFolder}/{slug}/side-by-side.md", sbs.Build(null));
    }

    /// <summary>The short addresses of the main charter (/fr/2/, /fr/2.3/): pages that send the reader on to the unit.</summary>
    private static void WriteShortForms(Action<string, string> save, ResolvedEdition e, Dictionary<string, string> t)
    {
        string Label(string kind, string number) => t.GetValueOrDefault("kind_" + kind, kind).Replace("{number}", number);
        foreach (var lp in e.Principles)
        {
            var p = lp.Value;
            var page = Permalinks.Principle(e.Language, e.Slug, p.Number);
            save($"{p.Number}.md", Redirect(Label("principle", $"{p.Number}"), $"/{page}#{p.Id}"));
            foreach (var x in p.Priorities)
                save($"{p.Number}.{x.Number}.md", Redirect(Label("priority", $"{p.Number}.{x.Number}"), $"/{page}#{x.Id}"));
        }
    }

    private static string Redirect(string title, string target) =>
        new FrontMatterWriter().Field("title", title).Raw("layout", "redirect").Field("target", target).Raw("noindex", "true").Build(null);

    private static void Units(FrontMatterWriter w, string key, IEnumerable<(string Id, string Number, string Text)> units)
    {
        w.Line($"{key}:");
        foreach (var (id, number, text) in units)
            w.Field("- id", id, 2).Field("number", number, 4).Field("text", Markdown(text), 4);
    }

    /// <summary>Our Markdown as Hugo's Goldmark reads it: language spans (our extension) become their plain text.</summary>
    private static string Markdown(string? text) => text is null ? "" : LangSpan().Replace(text, "$1");
}
