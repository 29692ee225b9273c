using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>Reads <c>charter.yml</c>, the site configuration at the root of a site.</summary>
public static partial class SiteConfigLoader
{
    public const string FileName = "charter.yml";

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?$")]
    private static partial Regex LanguageCode();

    public static bool IsLanguageCode(string code) => LanguageCode().IsMatch(code);

    public static SiteConfig? Load(string siteRoot, DiagnosticBag diagnostics, string? baseUrlOverride = null)
    {
        var path = Path.Combine(siteRoot, FileName);
        if (!System.IO.File.Exists(path) && !Directory.Exists(path))
        {
            diagnostics.Error(Codes.SiteConfig, SourceLocation.File(FileName), "the site has no charter.yml",
                "create charter.yml with 'languages', 'default_language', 'title' and 'base_url' (see README.md)");
            return null;
        }
        // charter.yml is read within the default limits: the limits it sets apply to everything after it.
        var bytes = SourceReader.Read(path, FileName, Limits.Default, diagnostics);
        if (bytes is null) return null;
        var text = FrontMatter.Decode(bytes, FileName, diagnostics);
        if (text is null) return null;
        var fields = FrontMatter.ParseYaml(new SourceFile(FileName, text), Limits.Default, diagnostics);
        if (fields is null) return null;

        var languages = fields.StringList("languages", required: true);
        foreach (var language in languages.Where(l => !IsLanguageCode(l)))
            diagnostics.Error(Codes.UnknownLanguage, fields.Location, $"'{language}' is not a language code",
                "use ISO 639-1 codes such as 'fr' or 'en'");
        if (languages.Distinct().Count() != languages.Length)
            diagnostics.Error(Codes.SiteConfig, fields.Location, "a language is listed twice in 'languages'", "list each once");

        var defaultLanguage = fields.String("default_language") ?? (languages.IsEmpty ? "" : languages[0]);
        if (!languages.IsEmpty && !languages.Contains(defaultLanguage))
            diagnostics.Error(Codes.UnknownLanguage, fields.Location,
                $"default_language '{defaultLanguage}' is not one of the languages", $"use one of: {string.Join(", ", languages)}");

        var titles = fields.MarkdownMap("title").ToImmutableDictionary(kv => kv.Key, kv => kv.Value.Source);
        if (titles.IsEmpty)
            diagnostics.Error(Codes.MissingField, fields.Location, "missing required field 'title'",
                "add 'title:' with one line per language, e.g. '  fr: …'");
        foreach (var language in titles.Keys.Where(l => !languages.Contains(l)))
            diagnostics.Error(Codes.UnknownLanguage, fields.Location, $"title given for '{language}', which is not one of the languages",
                $"use one of: {string.Join(", ", languages)}");

        // Read the field even when --base-url overrides it, so it is not reported as unknown.
        var configuredBaseUrl = fields.String("base_url");
        var baseUrl = baseUrlOverride ?? configuredBaseUrl ?? "http://localhost/";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            diagnostics.Error(Codes.SiteConfig, fields.Location, $"base_url '{baseUrl}' is not an absolute http(s) URL",
                "write for example 'base_url: https://example.org/'");
        var theme = fields.String("theme") ?? "default";
        // 'default' is the built-in theme; any other name is a folder of the site. Without this check a misspelt
        // name would silently give every page the built-in look.
        if (theme != "default" && !Directory.Exists(Path.Combine(siteRoot, "themes", theme)))
            diagnostics.Error(Codes.MissingTemplate, fields.LocationOf("theme") ?? fields.Location, $"theme '{theme}' was not found",
                $"create themes/{theme}/ with the templates to override, or write 'theme: default'");
        var allowHtml = fields.Bool("allow_html") ?? false;
        var main = fields.String("main_charter");
        var limits = ReadLimits(fields, diagnostics);
        var strings = ReadStrings(fields, languages, diagnostics);
        fields.ReportUnknown();

        // Errors of this file, not a count of the shared bag's: nothing else may be reading in parallel, but nothing relies on it.
        if (diagnostics.HasErrorIn(FileName) || languages.IsEmpty) return null;
        return new SiteConfig(languages, defaultLanguage, titles, baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", theme, allowHtml, main, limits)
        {
            MainCharterAt = fields.LocationOf("main_charter"),
            Strings = strings,
        };
    }

    /// <summary>
    /// 'strings:' in charter.yml: UI strings of the theme, each a text per language ('{ fr: …, en: … }') or one for all.
    /// Whether the theme has each key is checked when the theme is read (SiteBuilder), where its strings are known.
    /// </summary>
    private static ImmutableArray<StringOverride> ReadStrings(FieldReader fields, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (fields.Mapping("strings") is not { } f) return [];
        var result = ImmutableArray.CreateBuilder<StringOverride>();
        foreach (var key in f.Names())
        {
            var at = f.KeyLocation(key) ?? f.Location;
            var text = f.Localized(key);
            foreach (var language in text.ByLanguage.Keys.Where(l => l != "*" && !languages.Contains(l)))
                diagnostics.Error(Codes.UnknownLanguage, at, $"strings: '{key}' is given for '{language}', which is not one of the languages",
                    $"use one of: {string.Join(", ", languages)}");
            if (!text.IsEmpty) result.Add(new StringOverride(key, text, at));
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// 'limits:' in charter.yml: each limit a whole number from 1 up; the ones not written keep their defaults.
    /// </summary>
    private static Limits ReadLimits(FieldReader fields, DiagnosticBag diagnostics)
    {
        var limits = Limits.Default;
        if (fields.Mapping("limits") is not { } f) return limits;
        int Read(string key, int fallback)
        {
            var value = f.Int(key);
            if (value is null) return fallback;
            if (value >= 1) return value.Value;
            diagnostics.Error(Codes.InvalidValue, f.LocationOf(key)!, $"'{key}' must be at least 1", $"write for example '{key}: {fallback}'");
            return fallback;
        }
        limits = new Limits(Read("yaml_depth", limits.YamlDepth), Read("markdown_depth", limits.MarkdownDepth),
            Read("file_size_mb", limits.FileSizeMb), Read("template_steps", limits.TemplateSteps), Read("page_size_mb", limits.PageSizeMb));
        f.ReportUnknown();
        return limits;
    }
}
