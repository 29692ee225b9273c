using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Resolve;
using Charter.Core.Validate;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Resolve;

/// <summary>Stage 3: permalinks, references and backlinks, on the fixture site.</summary>
public class ResolveTests
{
    private static ResolvedSite ResolveMini()
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(Repo.Fixture("mini"), diagnostics)!;
        ContentValidator.Validate(content, diagnostics);
        var site = Resolver.Resolve(content, diagnostics);
        Assert.Empty(diagnostics.Sorted());
        return site;
    }

    [Fact]
    public void Passages_have_language_independent_ids_and_permalinks()
    {
        var site = ResolveMini();
        var fr = site.Edition("demo", "fr").Passages;
        var en = site.Edition("demo", "en").Passages;
        Assert.Equal(fr.Select(p => p.Id), en.Select(p => p.Id));
        Assert.Equal(fr.Select(p => p.Url.Replace("fr/", "en/")), en.Select(p => p.Url));

        var byId = fr.ToDictionary(p => p.Id);
        Assert.Equal("fr/demo/principles/2/#p2-3", byId["p2-3"].Url);
        Assert.Equal("2.3", byId["p2-3"].Number);
        Assert.Equal("fr/demo/vision/#v2", byId["v2"].Url);
        Assert.Equal("fr/demo/commitments/#c2-1", byId["c2-1"].Url);
        Assert.Equal("call", byId["c2-1"].Kind);
        Assert.Equal("fr/demo/timeline/#m3", byId["m3"].Url);
        Assert.Equal("fr/demo/#ambition", byId["ambition"].Url);
    }

    [Fact]
    public void References_from_text_and_front_matter_become_backlinks_in_every_language()
    {
        var site = ResolveMini();
        foreach (var language in new[] { "fr", "en" })
        {
            string Cited(string id) => string.Join(" ", site.Declaration(language, id)!.CitedBy.Select(p => p.Id));
            // decl-alpha: 'references:' of priority 1.1, a ref: link in commitment 1.2, and the co-creation list.
            Assert.Equal("co-creation p1-1 c1-2", Cited("decl-alpha"));
            // decl-beta: the co-creation list, a ref: link in priority 2.3, and milestone 2 ('concerns: ref:decl-beta').
            Assert.Equal("co-creation p2-3 m2", Cited("decl-beta"));
            Assert.Equal("ambition", Cited("pact-future"));
            Assert.All(site.Declaration(language, "decl-alpha")!.CitedBy, p => Assert.StartsWith(language + "/", p.Url));
        }
    }

    [Fact]
    public void Unknown_reference_is_an_error_at_the_reference()
    {
        var result = Builds.InMemory(Repo.BrokenSite("unknown-reference"));
        // Line 7: "Le second cite la [déclaration disparue](ref:nope) …"; column 42 is where "ref:nope" starts.
        var error = SingleError(result, Codes.UnknownReference, "content/charte/ambition.fr.md", 7, 42);
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public void Unknown_reference_in_front_matter_references_is_an_error_at_its_line()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("content/demo/principles/01-dignite.fr.md", "references: [decl-alpha]", "references: [decl-gamma]");
        site.Replace("content/demo/principles/01-dignite.en.md", "references: [decl-alpha]", "references: [decl-gamma]");
        var result = Builds.InMemory(site.Path);
        var errors = result.Errors().ToList();
        Assert.True(errors.Count == 2, result.Printed());
        // Line 8 of both files: "    references: [decl-gamma]"; column 18 is where the id starts.
        AssertAt(errors[0], Severity.Error, Codes.UnknownReference, "content/demo/principles/01-dignite.en.md", 8, 18);
        AssertAt(errors[1], Severity.Error, Codes.UnknownReference, "content/demo/principles/01-dignite.fr.md", 8, 18);
    }

    [Fact]
    public void Unknown_declaration_in_the_co_creation_list_is_an_error_at_its_line()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("content/demo/co-creation.en.md", "  - decl-beta", "  - decl-betta");
        site.Replace("content/demo/co-creation.fr.md", "  - decl-beta", "  - decl-betta");
        var result = Builds.InMemory(site.Path);
        var errors = result.Errors().ToList();
        Assert.True(errors.Count == 2, result.Printed());
        AssertAt(errors[0], Severity.Error, Codes.UnknownReference, "content/demo/co-creation.en.md", 5, 5);
        AssertAt(errors[1], Severity.Error, Codes.UnknownReference, "content/demo/co-creation.fr.md", 5, 5);
    }

    [Fact]
    public void Unknown_footnote_is_an_error_at_the_marker()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("content/demo/principles/01-dignite.fr.md", "  - text: Deuxième priorité de la dignité", "  - text: Deuxième priorité de la dignité[^oops]");
        var error = SingleError(Builds.InMemory(site.Path), Codes.UnknownNote, "content/demo/principles/01-dignite.fr.md", 9, 42);
        Assert.Contains("'oops'", error.Message);
    }
}
