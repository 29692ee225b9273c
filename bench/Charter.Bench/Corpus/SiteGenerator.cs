using System.Globalization;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;

namespace Charter.Bench.Corpus;

/// <summary>
/// Writes a site root (charter.yml, content/, themes/default) holding N synthetic charters shaped like the real
/// one: the same files and units (7 premises, 7 principles × 5 priorities, lists of 5/8/5/12/13 items,
/// 12 milestones, …), in both languages, with the real text's lengths and words (see <see cref="TextMixer"/>),
/// the same references to declarations, and the real declarations and frameworks copied as they are.
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
        _names = real.Edition(_realSlug, real.Config.DefaultLanguage)?.Acknowledgements?.Contributors is { Length: > 0 } names
            ? names : ["Lampedusa"];
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
        var dir = Path.Combine(content, slug);
        Directory.CreateDirectory(Path.Combine(dir, ContentLoader.PrinciplesFolder));
        var mixer = _mixers[lang];
        string Mix(MarkdownText? text, string part) => mixer.Mix(text?.Source, Rng.For(slug, lang, part));
        void Save(string relative, string text) => File.WriteAllText(Path.Combine(dir, $"{relative}.{lang}.md"), text);

        var name = _names[(index - 1) % _names.Count] + (index > _names.Count ? $" {(index - 1) / _names.Count + 1}" : "");
        string Named(string text) => text.Replace(_realSlug, name, StringComparison.OrdinalIgnoreCase);

        if (real.Meta is { } meta)
            Save("charter", new FrontMatterWriter()
                .Field("title", Named(meta.Title)).Field("short_title", Named(meta.ShortTitle))
                .Field("organization", meta.Organization).Raw("year", meta.Year).Field("place", meta.Place)
                .Field("citation", Named(meta.Citation)).Field("description", Named(meta.Description))
                .Build(Mix(meta.Body, "charter")));

        if (real.Ambition is { } ambition) Save("ambition", NumberedSection(ambition).Build(Mix(ambition.Body, "ambition")));

        if (real.CoCreation is { } co)
            Save("co-creation", new FrontMatterWriter().Field("title", co.Section.Title)
                .Strings("declarations", co.DeclarationIds).Build(Mix(co.Section.Body, "co-creation")));

        if (real.Vision is { } vision)
        {
            var w = NumberedSection(vision.Section).Field("premises_intro", Mix(vision.PremisesIntro, "premises-intro")).Line("premises:");
            foreach (var p in vision.Premises)
            {
                w.Field("- text", Mix(p.Text, p.Id), 2);
                References(w, p.References);
            }
            Save("vision", w.Build(Mix(vision.Section.Body, "vision")));
        }

        if (real.PrinciplesIntro is { } intro) Save("principles", NumberedSection(intro).Build(Mix(intro.Body, "principles")));

        foreach (var principle in real.Principles)
        {
            var w = new FrontMatterWriter().Field("id", principle.Id).Raw("number", principle.Number)
                .Field("title", principle.Title).Field("theme", principle.Theme).Line("priorities:");
            foreach (var p in principle.Priorities)
            {
                w.Field("- text", Mix(p.Text, p.Id), 2);
                References(w, p.References);
            }
            if (!principle.Notes.IsEmpty)
            {
                w.Line("notes:");
                foreach (var (label, note) in principle.Notes.OrderBy(n => n.Key, StringComparer.Ordinal)) w.Field(label, note.Source, 2);
            }
            var file = Path.GetFileName(principle.File.Path);
            Save($"{ContentLoader.PrinciplesFolder}/{file[..file.IndexOf('.')]}", w.Build(Mix(principle.Description, principle.Id)));
        }

        if (real.Commitments is { } commitments)
        {
            var w = NumberedSection(commitments.Section).Field("lists_intro", Mix(commitments.ListsIntro, "lists-intro")).Line("lists:");
            foreach (var list in commitments.Lists)
            {
                w.Field("- id", list.Id, 2).Raw("kind", list.Kind, 4).Field("heading", list.Heading, 4).Line("items:", 4);
                foreach (var item in list.Items)
                {
                    w.Field("- text", Mix(item.Text, item.Id), 6);
                    References(w, item.References, 8);
                }
            }
            Save("commitments", w.Build(Mix(commitments.Section.Body, "commitments")));
        }

        if (real.Timeline is { } timeline)
        {
            var w = new FrontMatterWriter().Field("title", timeline.Title).Field("intro", timeline.Intro is null ? null : Mix(timeline.Intro, "timeline-intro"))
                .Line("milestones:");
            foreach (var m in timeline.Milestones)
                w.Raw("- date", m.Date, 2).Field("text", Mix(m.Text, m.Id), 4).Field("concerns", m.Concerns, 4);
            Save("timeline", w.Build(null));
        }

        if (real.Acknowledgements is { } ack)
        {
            var rng = Rng.For(slug, lang, "names");
            var contributors = ack.Contributors.ToList();
            var partners = ack.Partners.ToList();
            rng.Shuffle(contributors);
            rng.Shuffle(partners);
            Save("acknowledgements", new FrontMatterWriter().Field("title", ack.Section.Title)
                .Field("contributors_intro", ack.ContributorsIntro).Strings("contributors", contributors)
                .Field("partners_intro", ack.PartnersIntro).Strings("partners", partners)
                .Build(Mix(ack.Section.Body, "acknowledgements")));
        }
    }

    private static FrontMatterWriter NumberedSection(Section s) =>
        new FrontMatterWriter().Raw("number", s.Number).Field("title", s.Title).Field("headline", s.Headline);

    private static void References(FrontMatterWriter w, IReadOnlyCollection<string> ids, int indent = 4)
    {
        if (ids.Count > 0) w.Line($"references: {FrontMatterWriter.List(ids)}", indent);
    }

    /// <summary>Every Markdown text of the real charter and declarations in one language: the words the mixer draws from.</summary>
    private static IEnumerable<string> RealTexts(SiteContent real, string language)
    {
        IEnumerable<MarkdownText?> Texts(CharterEdition e)
        {
            yield return e.Meta?.Body;
            yield return e.Ambition?.Body;
            yield return e.CoCreation?.Section.Body;
            yield return e.Vision?.Section.Body;
            yield return e.Vision?.PremisesIntro;
            foreach (var p in e.Vision?.Premises ?? []) yield return p.Text;
            yield return e.PrinciplesIntro?.Body;
            foreach (var p in e.Principles)
            {
                yield return p.Description;
                foreach (var x in p.Priorities) yield return x.Text;
            }
            yield return e.Commitments?.Section.Body;
            yield return e.Commitments?.ListsIntro;
            foreach (var i in e.Commitments?.Lists.SelectMany(l => l.Items) ?? []) yield return i.Text;
            foreach (var m in e.Timeline?.Milestones ?? []) yield return m.Text;
            yield return e.Acknowledgements?.Section.Body;
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
