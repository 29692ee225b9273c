using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Charter.Cli.New;

/// <summary>A starting structure <c>charter new</c> offers: a structure.yml and its starter content.</summary>
public sealed record Shape(string Name, string Description);

/// <summary>What <c>charter new</c> writes: the shape, the languages (the first is the source), and the site's settings.</summary>
/// <param name="Title">The site's and the charter's title in every language; null for the shape's placeholder.</param>
/// <param name="Slug">The charter's folder under content/ and its address (/{lang}/{slug}/).</param>
public sealed record StarterOptions(string Shape, ImmutableArray<string> Languages, string? Title, string BaseUrl, string Slug, int Year);

/// <summary>A file of the new site: its path from the site root, with '/' separators, and its text.</summary>
public sealed record StarterFile(string Path, string Text);

/// <summary>
/// The starter sites of <c>charter new</c>, made from the resources embedded in the command's assembly (New/Shapes/NAME/
/// goes to content/SLUG/, but for its about.txt; New/Declarations/ to content/declarations/), so that they are the same under
/// <c>dotnet run</c> and in a published binary. The starter text is written in the languages the default theme has UI
/// strings for (a file per language, <c>NAME.{lang}.md</c>); any other language gets the English text, for a
/// translator to replace. The localized texts of structure.yml, written <c>{ en: …, fr: …, es: … }</c>, are given
/// for exactly the site's languages, in its order.
/// </summary>
public static partial class Starter
{
    public const string DefaultShape = "declaration";
    public const string DefaultBaseUrl = "https://example.org/";
    public const string DefaultSlug = "charter";

    /// <summary>The language whose starter text any other language gets.</summary>
    private const string Fallback = "en";

    private const string ResourcePrefix = "new/";
    private const string DeclarationsFolder = "content/declarations";

    /// <summary>The embedded starter files, by resource path ("shapes/articles/chapters/01-general-provisions.en.md").</summary>
    private static readonly Lazy<ImmutableSortedDictionary<string, string>> Resources = new(() =>
        ResourceNames().ToImmutableSortedDictionary(r => r.Path, r => ReadResource(r.Name), StringComparer.Ordinal));

    /// <summary>The embedded starter files: resource name, and path under New/.</summary>
    private static IEnumerable<(string Name, string Path)> ResourceNames() =>
        // RecursiveDir gives '\' on Windows: the logical names are normalized here.
        typeof(Starter).Assembly.GetManifestResourceNames().Select(name => (Name: name, Path: name.Replace('\\', '/')))
            .Where(r => r.Path.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(r => (r.Name, r.Path[ResourcePrefix.Length..]));

    private static string ReadResource(string name)
    {
        using var stream = typeof(Starter).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    private static readonly Lazy<ImmutableHashSet<string>> Iso6391 = new(() =>
        Resources.Value["iso-639-1.txt"].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).ToImmutableHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The shapes, the default first: each is a folder of New/Shapes/ whose about.txt says in a line what it is (the
    /// names of shapes, like those of kinds, are data, not code).
    /// </summary>
    public static ImmutableArray<Shape> Shapes => ShapeList.Value;

    // From the about.txt files alone: the help of `new` names the shapes, so this runs at every start of the tool, and
    // reading every starter file for it took a tenth of the start of `charter build`.
    private static readonly Lazy<ImmutableArray<Shape>> ShapeList = new(() =>
        [.. ResourceNames().Where(r => AboutFile().IsMatch(r.Path))
            .Select(r => new Shape(AboutFile().Match(r.Path).Groups["name"].Value, ReadResource(r.Name).Trim()))
            .OrderBy(s => s.Name != DefaultShape).ThenBy(s => s.Name, StringComparer.Ordinal)]);

    [GeneratedRegex("^shapes/(?<name>[a-z0-9-]+)/about\\.txt$")]
    private static partial Regex AboutFile();

    public static Shape? FindShape(string name) => Shapes.FirstOrDefault(s => s.Name == name);

    /// <summary>
    /// Why <paramref name="code"/> cannot be a language of the new site, or null: an ISO 639-1 code in lower case,
    /// with a region if wanted (<c>pt-BR</c>), as charter.yml takes them.
    /// </summary>
    public static string? LanguageProblem(string code)
    {
        if (code.Length == 0) return "--languages has an empty code";
        if (LanguageCode().Match(code) is { Success: true } m && Iso6391.Value.Contains(m.Groups["base"].Value)) return null;
        var lower = code.ToLowerInvariant();
        if (lower != code && LanguageCode().Match(lower) is { Success: true } l && Iso6391.Value.Contains(l.Groups["base"].Value))
            return $"'{code}' is not a language code: write it in lower case, '{lower}'";
        return $"'{code}' is not an ISO 639-1 language code (two letters, such as en, fr or es; a region may follow, as in pt-BR)";
    }

    [GeneratedRegex("^(?<base>[a-z]{2})(-[A-Z]{2})?$")]
    private static partial Regex LanguageCode();

    /// <summary>The code of the language whose starter text a language gets: its own (fr-CA gets fr's), else English.</summary>
    private static string TextLanguage(string language, string shape)
    {
        var bare = language.Split('-')[0];
        return Resources.Value.ContainsKey($"shapes/{shape}/charter.{bare}.md") ? bare : Fallback;
    }

    /// <summary>A slug made of a folder's name ("My Site" → my-site), or <see cref="DefaultSlug"/> when none can be made.</summary>
    public static string SlugFrom(string name)
    {
        string folded;
        try { folded = name.Normalize(NormalizationForm.FormD); }
        catch (PlatformNotSupportedException) { folded = name; }
        var slug = new StringBuilder();
        foreach (var c in folded.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) slug.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > 40) result = result[..40].TrimEnd('-');
        return SlugProblem(result) is null ? result : DefaultSlug;
    }

    /// <summary>Why a name cannot be the charter's folder and address, or null.</summary>
    public static string? SlugProblem(string slug) =>
        !Charter.Core.Load.ContentLoader.IsValidId(slug) ? $"'{slug}' cannot be a charter's folder and address: use lower-case letters, digits and hyphens"
        : Charter.Core.Resolve.Permalinks.SlugProblem(slug);

    /// <summary>The built-in theme, next to the command's assembly (Charter.Site.csproj copies it there).</summary>
    public static string BuiltInTheme => Path.Combine(AppContext.BaseDirectory, "themes", "default");

    /// <summary>
    /// Every file of the new site, in the order they are listed to the user. <paramref name="theme"/> is the built-in
    /// theme's folder: when it has no UI strings for the site's source language, the site gets its own copy of the
    /// strings of that language's starter text, to translate (<see cref="UiStrings"/>).
    /// </summary>
    public static IReadOnlyList<StarterFile> Files(StarterOptions options, string theme)
    {
        var shapePrefix = $"shapes/{options.Shape}/";
        if (!Resources.Value.Keys.Any(k => k.StartsWith(shapePrefix, StringComparison.Ordinal)))
            throw new ArgumentException($"no shape '{options.Shape}'", nameof(options));
        var structure = Resources.Value[shapePrefix + "structure.yml"];
        var files = new List<StarterFile>
        {
            new("charter.yml", SiteConfig(options)),
            new(".gitignore", "# What charter build writes (charter.yml's folder is the site root).\n/public/\n"),
            new($"content/{options.Slug}/structure.yml", LocalizeStructure(structure, options.Languages)),
        };
        var charterFolder = $"content/{options.Slug}";
        files.AddRange(Translated(shapePrefix, charterFolder, options, name => $"schemas/{options.Slug}/{name}.schema.json")
            .OrderBy(f => PartOrder(structure, f.Path[(charterFolder.Length + 1)..])).ThenBy(f => f.Path, StringComparer.Ordinal));
        files.AddRange(Translated("declarations/", DeclarationsFolder, options, _ => "schemas/declaration.schema.json"));
        if (UiStrings(options, theme) is { } strings) files.Add(strings);
        files.AddRange(Schemas(files.Single(f => f.Path.EndsWith("/structure.yml", StringComparison.Ordinal)), options.Slug));
        return files;
    }

    /// <summary>The content files' JSON Schemas (charter schema), so that their first lines name files that exist.</summary>
    private static IEnumerable<StarterFile> Schemas(StarterFile structure, string slug)
    {
        var diagnostics = new Charter.Core.Diagnostics.DiagnosticBag();
        var parsed = Charter.Core.Load.StructureLoader.Parse(structure.Text, structure.Path, Charter.Core.Model.Limits.Default, diagnostics)
            ?? throw new InvalidOperationException("a starter structure.yml does not load: " + string.Join("; ", diagnostics.Sorted()));
        return Charter.Core.Schema.ContentSchemas.For(new Dictionary<string, Charter.Core.Model.Structure> { [slug] = parsed })
            .Select(s => new StarterFile($"{Charter.Core.Schema.ContentSchemas.Folder}/{s.Path}", s.Json));
    }

    /// <summary>
    /// The source language is the default one, whose UI strings every other language falls back to: a theme without
    /// them for it would leave every label of the site empty. So the site gets its own
    /// <c>themes/default/i18n/{lang}.yml</c>, a copy of the strings of its starter text's language with a
    /// <c>language:</c> block for it, which README's "Adding a language" asks a publisher to make anyway. Other
    /// languages without strings show the source language's, and the build says so.
    /// </summary>
    private static StarterFile? UiStrings(StarterOptions options, string theme)
    {
        var language = options.Languages[0];
        var i18n = Path.Combine(theme, "i18n");
        var from = TextLanguage(language, options.Shape);
        var copied = Path.Combine(i18n, from + ".yml");
        if (File.Exists(Path.Combine(i18n, language + ".yml")) || !File.Exists(copied)) return null;
        var lines = File.ReadAllText(copied).ReplaceLineEndings("\n").Split('\n');
        var text = new StringBuilder();
        text.Append($"# UI strings for '{language}', the source language of this site. The default theme has none for it, so\n")
            .Append($"# charter new copied its '{from}' ones (Charter's themes/default/i18n/{from}.yml) and every page has its labels.\n")
            .Append($"# Translate them into '{language}', and check the 'language:' block (Charter's README.md, \"Languages\").\n");
        var sameLanguage = from == language.Split('-')[0];
        var inBlock = false;
        foreach (var line in lines.SkipWhile(l => l.StartsWith('#')))
        {
            if (line.StartsWith(Charter.Site.Theme.Theme.LanguageBlock + ":", StringComparison.Ordinal))
            {
                inBlock = true;
                text.Append(line).Append('\n');
                if (!sameLanguage)
                    foreach (var (key, value, comment) in new (string, string, string?)[]
                    {
                        ("name", language, "its own name, for the language switch and the picker"),
                        ("tag", language, "BCP 47, for <html lang> and hreflang"),
                        ("direction", "ltr", "or rtl"),
                        ("typography", "plain", "french (narrow no-break spaces), spanish (¿ ¡), english or plain"),
                        ("quotes", "“ ” ‘ ’", "primary and inner quotation marks"),
                        ("search", language, "the lunr-languages code of its search pipeline (one Charter does not know: a generic one)"),
                        ("month_year", "\"{month} {year}\"", null),
                        ("decimal_separator", "\".\"", null),
                    })
                        text.Append(Commented($"  {key}: {value}", comment, 28));
                continue;
            }
            if (inBlock && line.StartsWith(' '))
            {
                if (sameLanguage) text.Append(Regex.Replace(line, @"^(\s+tag:\s*)\S+", m => m.Groups[1].Value + language)).Append('\n');
                continue;
            }
            inBlock = false;
            text.Append(line).Append('\n');
        }
        return new StarterFile($"themes/default/i18n/{language}.yml", text.ToString().TrimEnd('\n') + "\n");
    }

    /// <summary>
    /// The files of one resource folder, once per language of the site, tokens filled in and their schema named on
    /// the front matter's first line. <paramref name="schema"/> gives the schema's path from the site root for a file
    /// named by its part (or <c>charter</c>) or by its folder.
    /// </summary>
    private static IEnumerable<StarterFile> Translated(string prefix, string folder, StarterOptions options, Func<string, string> schema)
    {
        // One file per name, told by the English one (every starter file has it).
        var names = Resources.Value.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith($".{Fallback}.md", StringComparison.Ordinal))
            .Select(k => k[prefix.Length..^$".{Fallback}.md".Length]);
        foreach (var name in names)
        {
            var slash = name.IndexOf('/');
            // A file of a folder has its folder's schema (FOLDER/unit.schema.json, Charter.Core.Schema.ContentSchemas).
            var owner = slash < 0 ? name : name[..slash] + "/unit";
            foreach (var language in options.Languages)
            {
                var text = Resources.Value[$"{prefix}{name}.{TextLanguage(language, options.Shape)}.md"];
                var path = $"{folder}/{name}.{language}.md";
                var up = string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
                yield return new StarterFile(path, WithSchema(FillTokens(text, options), up + schema(owner)));
            }
        }
    }

    /// <summary>Files in the order of the parts of the structure: charter first, then each part, its folder after it.</summary>
    private static (int Part, int Folder) PartOrder(string structure, string relative)
    {
        var slash = relative.IndexOf('/');
        var owner = slash < 0 ? relative[..relative.IndexOf('.')] : relative[..slash];
        if (owner == "charter") return (-1, 0);
        var parts = PartIds().Matches(structure).Select(m => m.Groups["id"].Value).ToList();
        var index = parts.IndexOf(owner);
        return (index < 0 ? parts.Count : index, slash < 0 ? 0 : 1);
    }

    [GeneratedRegex(@"^\s*-\s*\{\s*id:\s*(?<id>[a-z0-9-]+)\s*,", RegexOptions.Multiline)]
    private static partial Regex PartIds();

    /// <summary>The front matter's first line names the file's JSON schema, for the YAML language server of editors.</summary>
    private static string WithSchema(string text, string schema)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) throw new InvalidOperationException("a starter file has no front matter");
        return $"---\n# yaml-language-server: $schema={schema}\n" + text["---\n".Length..];
    }

    [GeneratedRegex(@"\{\{(?<name>[a-z_]+)(\|(?<default>[^{}]*))?\}\}")]
    private static partial Regex Token();

    /// <summary>
    /// <c>{{title|Default}}</c> (always within a double-quoted YAML string) is the title given, else the shape's
    /// placeholder in that language; <c>{{year}}</c> the year.
    /// </summary>
    private static string FillTokens(string text, StarterOptions options) =>
        Token().Replace(text, m => m.Groups["name"].Value switch
        {
            "title" => YamlQuoted(options.Title ?? m.Groups["default"].Value),
            "year" => options.Year.ToString(CultureInfo.InvariantCulture),
            var other => throw new InvalidOperationException($"a starter file has an unknown token '{other}'"),
        });

    /// <summary>The title a language's charter file gets when none is given: the placeholder of its starter text.</summary>
    private static string PlaceholderTitle(StarterOptions options, string language)
    {
        var text = Resources.Value[$"shapes/{options.Shape}/charter.{TextLanguage(language, options.Shape)}.md"];
        return Token().Matches(text).First(m => m.Groups["name"].Value == "title").Groups["default"].Value;
    }

    /// <summary>A line of YAML and its comment, the comments of a block in one column.</summary>
    private static string Commented(string line, string? comment, int column) =>
        comment is null ? line + "\n" : $"{line.PadRight(column - 1)} # {comment}\n";

    /// <summary>The inside of a double-quoted YAML string.</summary>
    private static string YamlQuoted(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string SiteConfig(StarterOptions options)
    {
        var config = new StringBuilder();
        config.Append("# Site configuration, written by `charter new`. Charter's README.md, \"Configuration\", describes every field.\n");
        config.Append("title:\n");
        foreach (var language in options.Languages)
            config.Append($"  {language}: \"{YamlQuoted(options.Title ?? PlaceholderTitle(options, language))}\"\n");
        var column = Math.Clamp(Math.Max($"main_charter: {options.Slug}".Length, $"base_url: {options.BaseUrl}".Length) + 3, 28, 48);
        config.Append(Commented($"languages: [{string.Join(", ", options.Languages)}]", "the first is the source language", column));
        config.Append(Commented($"default_language: {options.Languages[0]}", null, column));
        config.Append(Commented($"base_url: {options.BaseUrl}", "the address the site is published at; build --base-url overrides it", column));
        config.Append(Commented("theme: default", "the built-in theme; files in themes/default/ here override it one by one", column));
        config.Append(Commented($"main_charter: {options.Slug}", $"the charter of the short addresses (/{options.Languages[0]}/2/) and of /{options.Languages[0]}/charter.json", column));
        config.Append(Commented("allow_html: false", "true lets raw HTML in Markdown through; keep false unless every editor is trusted", column));
        return config.ToString();
    }

    /// <summary>The languages the starter text is written in: those of the shapes' charter files.</summary>
    private static readonly Lazy<ImmutableSortedSet<string>> StarterLanguages = new(() =>
        Resources.Value.Keys.Select(k => StarterCharter().Match(k)).Where(m => m.Success).Select(m => m.Groups["lang"].Value)
            .ToImmutableSortedSet(StringComparer.Ordinal));

    [GeneratedRegex(@"^shapes/[^/]+/charter\.(?<lang>[a-z]{2})\.md$")]
    private static partial Regex StarterCharter();

    /// <summary>
    /// Every localized text of a structure.yml resource, written as a one-line flow mapping that starts with English
    /// and gives every starter language (<c>{ en: …, fr: …, es: … }</c>), becomes <c>{ L1: …, L2: … }</c> for the
    /// site's languages in its order, each with its own text (or its language's, for fr-CA) or English.
    /// </summary>
    public static string LocalizeStructure(string structure, ImmutableArray<string> languages)
    {
        const string Opening = "{ " + Fallback + ": ";
        var result = new StringBuilder();
        var at = 0;
        while (structure.IndexOf(Opening, at, StringComparison.Ordinal) is var start and >= 0)
        {
            result.Append(structure, at, start - at);
            var (texts, end) = FlowMapping(structure, start);
            if (!texts.Keys.ToImmutableSortedSet(StringComparer.Ordinal).SetEquals(StarterLanguages.Value))
                throw new InvalidOperationException($"a starter structure.yml has a localized text without {string.Join(", ", StarterLanguages.Value)}: {structure[start..end]}");
            result.Append("{ ").AppendJoin(", ", languages.Select(l => $"{l}: {texts[texts.ContainsKey(l.Split('-')[0]) ? l.Split('-')[0] : Fallback]}")).Append(" }");
            at = end;
        }
        return result.Append(structure, at, structure.Length - at).ToString();
    }

    /// <summary>The entries of the one-line flow mapping that opens at <paramref name="start"/>, and where it ends.</summary>
    private static (Dictionary<string, string> Entries, int End) FlowMapping(string text, int start)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var entry = new StringBuilder();
        var depth = 0;
        var quoted = false;
        void Add()
        {
            var raw = entry.ToString();
            var colon = raw.IndexOf(':');
            entries[raw[..colon].Trim()] = raw[(colon + 1)..].Trim();
            entry.Clear();
        }
        for (var i = start + 1; i < text.Length && text[i] != '\n'; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\') entry.Append(c).Append(text[++i]);
                else
                {
                    entry.Append(c);
                    quoted = c != '"';
                }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case '[' or '{': depth++; break;
                case ']': depth--; break;
                case '}' when depth == 0:
                    Add();
                    return (entries, i + 1);
                case '}': depth--; break;
                case ',' when depth == 0:
                    Add();
                    continue;
            }
            entry.Append(c);
        }
        throw new InvalidOperationException($"a starter structure.yml has an unclosed localized text at offset {start}");
    }
}
