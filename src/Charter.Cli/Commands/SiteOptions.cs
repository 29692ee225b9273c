using System.CommandLine;
using System.CommandLine.Parsing;

namespace Charter.Cli.Commands;

/// <summary>A site to work on: its root, where its output goes, the address it is published at. Full paths.</summary>
public sealed record SiteArguments(string Source, string Output, string? BaseUrl);

/// <summary>
/// The options that name a site, defined once for every command that takes them: <c>--source DIR</c> (default: the
/// current folder), <c>--output DIR</c> (default: SOURCE/public) and <c>--base-url URL</c>. Relative paths are
/// resolved against the current folder. One validator checks them together, in this order, so the first problem
/// is the one reported: a --source that is not a folder, a --base-url that is not an absolute http(s) URL, and, for a command that replaces its output whole,
/// an output that is or holds the sources (<see cref="Charter.Site.Write.OutputLocation"/>).
/// </summary>
public sealed class SiteOptions
{
    public Option<string> Source { get; } = new("--source")
    {
        HelpName = "DIR",
        Description = "the site root holding charter.yml, content/ and themes/ (default: the current folder)",
    };

    public Option<string>? Output { get; }

    public Option<string>? BaseUrl { get; }

    private readonly bool _replacesOutput;

    private SiteOptions(bool output, bool baseUrl, bool replacesOutput)
    {
        if (output) Output = new("--output") { HelpName = "DIR", Description = "where the site goes (default: SOURCE/public)" };
        if (baseUrl) BaseUrl = new("--base-url") { HelpName = "URL", Description = "the address the site will be published at (overrides charter.yml)" };
        _replacesOutput = replacesOutput;
    }

    /// <summary>
    /// Adds --source, and --output and --base-url unless told not to, to <paramref name="command"/>, with their
    /// validator. <paramref name="replacesOutput"/>: the command deletes what is in the output folder, so a
    /// misplaced --output is refused before anything is read.
    /// </summary>
    public static SiteOptions AddTo(Command command, bool output = true, bool baseUrl = true, bool replacesOutput = false)
    {
        var site = new SiteOptions(output, baseUrl, replacesOutput);
        foreach (var option in site.All) command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (site.Problem(result) is { } problem) result.AddError(problem);
        });
        return site;
    }

    /// <summary>The site the parsed command line names; its validator has already passed.</summary>
    public SiteArguments Read(ParseResult parse) =>
        Resolve(parse.GetValue(Source), Output is null ? null : parse.GetValue(Output), BaseUrl is null ? null : parse.GetValue(BaseUrl));

    private IEnumerable<Option<string>> All => new[] { Source, Output, BaseUrl }.OfType<Option<string>>();

    private string? Problem(CommandResult result)
    {
        // No value, or several: the parser reports it (a validator's error would hide the parser's).
        if (All.Any(option => result.GetResult(option) is { Tokens.Count: not 1 })) return null;
        var site = Resolve(result.GetValue(Source), Output is null ? null : result.GetValue(Output), BaseUrl is null ? null : result.GetValue(BaseUrl));
        if (!Directory.Exists(site.Source)) return $"--source '{site.Source}' is not a folder";
        if (site.BaseUrl is not null && (!Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return $"--base-url '{site.BaseUrl}' is not an absolute http(s) URL";
        // A build replaces its output whole: refused before anything is read, so a wrong --output touches nothing.
        if (_replacesOutput && Charter.Site.Write.OutputLocation.Problem(site.Source, site.Output) is { } misplaced)
            return $"{misplaced}; {Charter.Site.Write.OutputLocation.Hint}";
        return null;
    }

    private static SiteArguments Resolve(string? source, string? output, string? baseUrl)
    {
        source = Path.GetFullPath(source ?? Directory.GetCurrentDirectory());
        return new SiteArguments(source, Path.GetFullPath(output ?? Path.Combine(source, "public")), baseUrl);
    }
}
