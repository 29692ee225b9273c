using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;
using Charter.Tests.Support;

namespace Charter.Tests.Load;

/// <summary>Stage 1: content files into the typed model, on the small fixture site that holds every kind of file.</summary>
public class LoadTests
{
    // Model lists are ImmutableArray, whose Equals compares the underlying array by reference: compare .ToArray().

    private static (SiteContent Content, DiagnosticBag Diagnostics) LoadMini(string? root = null)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(root ?? Repo.Fixture("mini"), diagnostics);
        Assert.True(content is not null, string.Join("\n", diagnostics.Sorted()));
        return (content!, diagnostics);
    }

    [Fact]
    public void The_fixture_site_loads_without_any_diagnostic()
    {
        var (_, diagnostics) = LoadMini();
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void Site_configuration_is_read_from_charter_yml()
    {
        var (content, _) = LoadMini();
        var config = content.Config;
        Assert.Equal(["fr", "en"], config.Languages.ToArray());
        Assert.Equal("fr", config.DefaultLanguage);
        Assert.Equal("Site de démonstration", config.TitleIn("fr"));
        Assert.Equal("Demo site", config.TitleIn("en"));
        Assert.Equal("https://demo.example.org/", config.BaseUrl);
        Assert.Equal("demo", config.MainCharter);
        Assert.False(config.AllowHtml);
        Assert.Equal(["demo"], content.CharterSlugs.ToArray());
    }

    [Fact]
    public void A_base_url_override_sets_the_base_path()
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(Repo.Fixture("mini"), diagnostics, "https://example.org/charters/lampedusa");
        Assert.NotNull(content);
        Assert.Empty(diagnostics.Sorted()); // the overridden base_url of charter.yml is not an "unknown field"
        Assert.Equal("https://example.org/charters/lampedusa/", content.Config.BaseUrl);
        Assert.Equal("/charters/lampedusa/", content.Config.BasePath);
    }

    [Fact]
    public void Charter_metadata_and_numbered_sections_are_parsed()
    {
        var (content, _) = LoadMini();
        var fr = content.Edition("demo", "fr")!;
        Assert.Equal("Charte de démonstration pour les essais", fr.Meta!.Title);
        Assert.Equal("Charte de démonstration", fr.Meta.ShortTitle);
        Assert.Equal("CGLU", fr.Meta.Organization);
        Assert.Equal("2022", fr.Meta.Year);
        Assert.Equal("Daejeon", fr.Meta.Place);
        Assert.Equal("Charte de démonstration (CGLU, 2022)", fr.Meta.Citation);
        Assert.StartsWith("Une présentation", fr.Meta.Body!.Source);

        var ambition = fr.Part("ambition")!;
        Assert.Equal(1, ambition.NumberField());
        Assert.Equal("Une nouvelle notion de citoyenneté", ambition.TextField("headline"));
        Assert.Contains("](ref:pact-future)", ambition.Text!.Source);
        Assert.Equal(3, fr.Part("principles")!.NumberField());
        Assert.Equal("Nos Principes", fr.Part("principles")!.Title());
        Assert.Equal("content/demo/ambition.fr.md", ambition.File.Path);
    }

    [Fact]
    public void Vision_premises_get_ids_from_their_position()
    {
        var (content, _) = LoadMini();
        foreach (var language in new[] { "fr", "en" })
        {
            var vision = content.Edition("demo", language)!.Vision()!;
            Assert.Equal(2, vision.NumberField());
            Assert.NotNull(vision.Prose("premises_intro"));
            Assert.Equal(["v1", "v2"], vision.Children.Select(p => p.Id));
            Assert.Equal([1, 2], vision.Children.Select(p => p.Ordinal));
            Assert.All(vision.Children, p => Assert.Equal("premise", p.Kind));
        }
        Assert.Equal("La migration est un fait naturel.", content.Edition("demo", "fr")!.Vision()!.Children[0].Text!.Source);
        Assert.Equal("Migration is a natural fact.", content.Edition("demo", "en")!.Vision()!.Children[0].Text!.Source);
    }

    [Fact]
    public void Principles_have_their_theme_and_five_priorities_with_derived_ids()
    {
        var (content, _) = LoadMini();
        var principles = content.Edition("demo", "fr")!.Principles();
        Assert.Equal(["p1", "p2"], principles.Select(p => p.Id));
        var p1 = principles[0];
        Assert.Equal(1, p1.Ordinal);
        Assert.Equal("Dignité", p1.Title());
        Assert.Equal("Des réponses humanitaires", p1.Theme());
        Assert.Equal("La dignité est au cœur de la charte.", p1.Text!.Source);
        Assert.Equal(["p1-1", "p1-2", "p1-3", "p1-4", "p1-5"], p1.Children.Select(p => p.Id));
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5"], p1.Children.Select(p => p.Number));
        Assert.Equal(["decl-alpha"], p1.Children[0].References.ToArray());
        Assert.Equal("Le Town Hall de CGLU.", p1.Notes["town-hall"].Source);
        Assert.Equal("content/demo/principles/01-dignite.fr.md", p1.File.Path);
    }

    [Fact]
    public void Commitment_lists_have_kinds_and_item_ids_derived_from_the_list()
    {
        var (content, _) = LoadMini();
        var commitments = content.Edition("demo", "en")!.Commitments()!;
        Assert.Equal(4, commitments.NumberField());
        Assert.Equal("To this end, we, local and regional governments", commitments.Prose("lists_intro")!.Source);
        Assert.Equal(["c1", "c2"], commitments.Children.Select(l => l.Id));
        Assert.Equal(["commitment-list", "call-list"], commitments.Children.Select(l => l.Kind));
        Assert.Equal(["Recognise", "Call on the international community to"], commitments.Children.Select(l => l.Heading()));
        Assert.Equal(["c1-1", "c1-2"], commitments.Children[0].Children.Select(i => i.Id));
        Assert.Equal(["c2-1", "c2-2"], commitments.Children[1].Children.Select(i => i.Id));
        Assert.Equal(["commitment", "call"], commitments.Children.Select(l => l.Children[0].Kind));
        Assert.Equal(["1.1", "2.2"], [commitments.Children[0].Children[0].Number, commitments.Children[1].Children[1].Number]);
    }

    [Fact]
    public void Timeline_milestones_have_dates_ids_and_what_they_concern()
    {
        var (content, _) = LoadMini();
        var timeline = content.Edition("demo", "fr")!.Timeline()!;
        Assert.Equal("Étapes du processus", timeline.Title());
        Assert.Equal(["m1", "m2", "m3"], timeline.Children.Select(m => m.Id));
        Assert.Equal([new YearMonth(2020, 11), new YearMonth(2021, 5), new YearMonth(2022, 10)], timeline.Children.Select(m => m.Date()));
        Assert.Equal([null, "ref:decl-beta", "commitments"], timeline.Children.Select(m => m.Concerns()));
    }

    [Fact]
    public void Co_creation_and_acknowledgements_are_parsed()
    {
        var (content, _) = LoadMini();
        var en = content.Edition("demo", "en")!;
        Assert.Equal("A co-creation process", en.Part("co-creation")!.Title());
        Assert.Equal(["decl-alpha", "decl-beta"], en.Part("co-creation")!.Items("declarations").ToArray());
        var acknowledgements = en.Part("acknowledgements")!;
        Assert.Equal("Origin of the Charter", acknowledgements.Title());
        Assert.Equal(["Lampedusa and Linosa", "Polokwane"], acknowledgements.Items("contributors").ToArray());
        Assert.Equal(["UN-Habitat"], acknowledgements.Items("partners").ToArray());
        Assert.Equal("Partners", acknowledgements.TextField("partners_intro"));
    }

    [Fact]
    public void Declarations_and_frameworks_are_loaded_per_language()
    {
        var (content, _) = LoadMini();
        Assert.Equal(
            ["decl-alpha/en", "decl-alpha/fr", "decl-beta/en", "decl-beta/fr", "pact-future/en", "pact-future/fr"],
            content.Declarations.Select(d => $"{d.Id}/{d.Language}"));
        var alpha = content.Declarations.Single(d => d.Id == "decl-alpha" && d.Language == "fr");
        Assert.Equal(DeclarationTypes.Declaration, alpha.Type);
        Assert.Equal("Déclaration alpha", alpha.Title);
        Assert.Equal("CGLU", alpha.Issuer);
        Assert.Equal("2018", alpha.Year);
        Assert.Equal(ExcerptKinds.Quote, alpha.Excerpt);
        Assert.Equal("https://example.org/alpha", alpha.Url);
        var pact = content.Declarations.Single(d => d.Id == "pact-future" && d.Language == "en");
        Assert.Equal(DeclarationTypes.Framework, pact.Type);
        Assert.Equal(ExcerptKinds.Summary, pact.Excerpt); // the default when 'excerpt' is not given
        Assert.Null(pact.Url);
    }

    [Fact]
    public void An_explicit_id_wins_over_the_derived_one()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("content/demo/principles/01-dignite.fr.md", "  - text: Deuxième priorité", "  - id: second\n    text: Deuxième priorité");
        var (content, _) = LoadMini(site.Path);
        Assert.Equal(["p1-1", "second", "p1-3", "p1-4", "p1-5"], content.Edition("demo", "fr")!.Principles()[0].Children.Select(p => p.Id));
    }

    [Fact]
    public void Files_with_windows_line_endings_and_a_byte_order_mark_load_the_same()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        foreach (var file in Directory.EnumerateFiles(site.Full("content"), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file).Replace("\n", "\r\n");
            File.WriteAllText(file, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }
        var (original, _) = LoadMini();
        var (converted, diagnostics) = LoadMini(site.Path);
        Assert.Empty(diagnostics.Sorted());
        var a = original.Edition("demo", "fr")!;
        var b = converted.Edition("demo", "fr")!;
        Assert.Equal(a.Meta!.Title, b.Meta!.Title);
        Assert.Equal(a.Principles().SelectMany(p => p.Children).Select(p => p.Id), b.Principles().SelectMany(p => p.Children).Select(p => p.Id));
        Assert.Equal(a.Timeline()!.Children.Select(m => m.Date()), b.Timeline()!.Children.Select(m => m.Date()));
        Assert.Equal(a.Principles()[0].Children[0].Text!.Source, b.Principles()[0].Children[0].Text!.Source);
    }

    [Fact]
    public void Documentation_files_in_content_are_not_loaded()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Write("content/README.md", "# Not a content file\n");
        site.Write("content/demo/NOTES.md", "notes for editors\n");
        var (content, diagnostics) = LoadMini(site.Path);
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(["demo"], content.CharterSlugs.ToArray());
    }

    [Fact]
    public void Markdown_texts_know_their_line_in_the_file()
    {
        var (content, _) = LoadMini();
        var p2 = content.Edition("demo", "fr")!.Principles()[1];
        // 02-equite.fr.md: line 9 is "  - text: Troisième priorité, selon la [Déclaration bêta](ref:decl-beta)".
        Assert.Equal(new SourceLocation("content/demo/principles/02-equite.fr.md", 9, 11), p2.Children[2].Text!.Location);
        Assert.Equal(new SourceLocation("content/demo/principles/02-equite.fr.md", 9, 59), p2.Children[2].Text!.Locate("ref:decl-beta"));
    }
}
