using System.Text.Json;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Site.Markdown;
using Charter.Site.Render;
using Charter.Tests.Support;
using Charter.Site.Text;

namespace Charter.Tests.Editorial;

/// <summary>Issue 14: the UI strings follow their language's typography, like the content; the translations end their units alike.</summary>
[Collection(RealSiteCollection.Name)]
public partial class TypographyTests(RealSiteFixture real)
{
    private static (Charter.Site.Theme.Theme Theme, DiagnosticBag Diagnostics) BuiltIn()
    {
        var diagnostics = new DiagnosticBag();
        return (new Charter.Site.Theme.Theme(Repo.Root, "default", Charter.Core.Model.Limits.Default), diagnostics);
    }

    [Fact]
    public void Every_ui_string_of_every_language_keeps_its_languages_rules_as_written()
    {
        var (theme, diagnostics) = BuiltIn();
        var problems = new List<string>();
        foreach (var language in real.Languages)
        {
            var (strings, descriptor) = theme.Strings(language, diagnostics);
            var rules = Typography.For(descriptor.Typography);
            Assert.NotEqual("plain", rules.Name); // a language of the real site with no rules would make this test vacuous
            foreach (var (key, value) in strings)
                foreach (var problem in rules.Problems(value, descriptor.Quotes))
                    problems.Add($"i18n/{language}.yml {key}: {problem}: {value}");
        }
        Assert.Empty(diagnostics.Sorted());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("french", "Voir: la charte", "without a space")]
    [InlineData("french", "l'équipe", "straight apostrophe")]
    [InlineData("english", "Principle 1 : ", "space before")]
    [InlineData("english", "the World Council's mandate", "straight apostrophe")]
    [InlineData("english", "Search for \"{q}\"", "straight double quote")]
    [InlineData("english", "2015-2017", "en dash")]
    [InlineData("spanish", "Buscar en la Carta?", "opening ¿")]
    [InlineData("spanish", "Véase :", "space before")]
    [InlineData("english", "Search for “{q}” in French", "opened with “")]
    [InlineData("french", "Chercher “{q}”", "opened with “")]
    public void The_rules_catch_what_the_editorial_pass_found(string rules, string text, string expected)
    {
        var quotes = Charter.Core.Model.Quotes.Parse(rules switch { "english" => "‘ ’ “ ”", _ => "« » “ ”" });
        Assert.Contains(Typography.For(rules).Problems(text, quotes), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void French_ui_strings_are_printed_with_narrow_no_break_spaces_on_every_page()
    {
        var (theme, diagnostics) = BuiltIn();
        var (raw, descriptor) = theme.Strings("fr", diagnostics);
        var strings = new Strings(descriptor, raw, raw);
        Assert.Equal("Voir\u202F:", strings["see_also"]);
        Assert.Equal("Chercher «\u202F{q}\u202F» en {language}", strings["search_try_other"]);
        // On the pages: the footer of every French page, with no ordinary space before its semicolon.
        var footer = real.Page("fr/lampedusa/index.html").QuerySelector(".footer-note")!.TextContent;
        Assert.Contains("français\u202F;", footer);
        Assert.DoesNotMatch(@"[ \u00A0][;:!?»]", footer);
    }

    [Theory]
    [InlineData("fr", "lampedusa/principles/index.html")]
    [InlineData("en", "lampedusa/principles/index.html")]
    [InlineData("es", "lampedusa/principles/index.html")]
    public void Screen_reader_labels_follow_the_page_languages_spacing(string language, string page)
    {
        var labels = real.Page($"{language}/{page}").QuerySelectorAll(".principle-title .visually-hidden").Select(e => e.TextContent).ToList();
        Assert.NotEmpty(labels);
        var (theme, diagnostics) = BuiltIn();
        var descriptor = theme.Strings(language, diagnostics).Language;
        var rules = Typography.For(descriptor.Typography);
        Assert.All(labels, l => Assert.Empty(rules.Problems(l.Replace("\u202F", " "), descriptor.Quotes)));
        if (language == "fr") Assert.All(labels, l => Assert.EndsWith("\u202F: ", l));
        else Assert.All(labels, l => Assert.Matches(@"\d: $", l));
    }

    [GeneratedRegex(@"[.!?…][»”’)]*$")]
    private static partial Regex FullStop();

    [Fact]
    public void Every_translated_unit_ends_with_a_full_stop_as_ERRATA_says()
    {
        var kinds = new[] { "priority", "premise", "commitment", "call", "milestone" };
        foreach (var language in real.Languages.Skip(1))
        {
            using var json = real.Json($"{language}/lampedusa/charter.json");
            var units = json.RootElement.GetProperty("units").EnumerateArray().Where(u => kinds.Contains(u.GetProperty("kind").GetString())).ToList();
            Assert.True(units.Count > 90, $"{units.Count} units in {language}");
            var without = units.Where(u => !FullStop().IsMatch(u.GetProperty("text").GetString()!.TrimEnd())).Select(u => u.GetProperty("id").GetString()).ToList();
            Assert.True(without.Count == 0, $"{language}: no final full stop in {string.Join(", ", without)}");
        }
    }

    [Theory]
    [InlineData("fr", "paris-agreement", "cité 2 fois")]
    [InlineData("fr", "mc2cm", "citées une fois")]
    [InlineData("fr", "cemr-2006", "citée une fois")]
    [InlineData("fr", "new-urban-agenda", "non cité")]
    [InlineData("es", "mc2cm", "citadas una vez")]
    [InlineData("es", "paris-agreement", "citado 2 veces")]
    [InlineData("en", "mc2cm", "cited once")]
    public void The_references_index_agrees_with_each_texts_gender_and_number(string language, string id, string expected)
    {
        var item = real.Page($"{language}/declarations/index.html").GetElementById(id)!;
        Assert.EndsWith("· " + expected, item.QuerySelector(".meta")!.TextContent.Trim());
    }

    [Fact]
    public void Year_ranges_are_printed_with_an_en_dash()
    {
        Assert.Contains("2015–2017", real.Page("en/declarations/mc2cm/index.html").QuerySelector("dl")!.TextContent);
    }
}
