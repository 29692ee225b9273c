using Charter.Core.Diagnostics;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Topics;

/// <summary>Issue 19: mistakes in the topic files are reported at their line, with what to do; a site without topics has no topic pages.</summary>
public sealed class TopicValidationTests
{
    private const string Assignment = "content/lampedusa/topics.yml";

    private static int LineOf(string text, string start) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.StartsWith(start, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void Unknown_topic_unknown_unit_and_unit_without_topic_are_each_reported_at_their_line()
    {
        using var site = TempDir.RealSite();
        site.Replace(Assignment, "  p2-3: [housing, health, children]\n", "  p2-3: [housing, helth, children]\n");
        site.Replace(Assignment, "  c5-9: [health]\n", "  c5-99: [health]\n");
        var text = site.Read(Assignment);
        var result = Builds.InMemory(site.Path);

        Assert.False(result.Success);
        var unknownTopic = result.Errors().Single(d => d.Message.Contains("'helth'"));
        AssertAt(unknownTopic, Severity.Error, Codes.UnknownReference, Assignment, LineOf(text, "  p2-3:"), "  p2-3: [housing, ".Length + 1);
        Assert.Contains("housing", unknownTopic.Hint);

        var unknownUnit = result.Errors().Single(d => d.Message.Contains("'c5-99'"));
        AssertAt(unknownUnit, Severity.Error, Codes.UnknownReference, Assignment, LineOf(text, "  c5-99:"), 3);

        var missing = result.Warnings().Single(d => d.Code == Codes.MissingField && d.Message.Contains("c5-9 "));
        Assert.Equal(Assignment, missing.Location.Path);
        Assert.Contains("c5-9: [topic", missing.Hint);
        // A failed build writes nothing: no half-made topic pages.
        Assert.Empty(result.Files);
    }

    [Fact]
    public void A_kind_that_does_not_take_topics_is_warned_about_and_the_unit_left_out()
    {
        using var site = TempDir.RealSite();
        site.Replace(Assignment, "units:\n", "units:\n  p2: [housing]\n");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var warning = result.Warnings().Single(d => d.Code == Codes.StructureViolation && d.Message.Contains("p2 "));
        Assert.Equal(LineOf(site.Read(Assignment), "  p2:"), warning.Location.Line);
        Assert.Contains("topics: true", warning.Hint);
        var page = System.Text.Encoding.UTF8.GetString(result.File("fr/topics/housing/index.html"));
        Assert.DoesNotContain("#p2\"", page);
    }

    [Fact]
    public void A_charter_without_topics_has_no_topic_pages()
    {
        var result = Builds.InMemory(Repo.Fixture("articles"));
        result.AssertSucceeded();
        Assert.DoesNotContain(result.Files, f => f.Path.Contains("/topics/", StringComparison.Ordinal));
        var search = System.Text.Encoding.UTF8.GetString(result.File(result.Files.First(f => f.Path.EndsWith("search/index.html", StringComparison.Ordinal)).Path));
        Assert.DoesNotContain("filter-topic", search);
    }
}
