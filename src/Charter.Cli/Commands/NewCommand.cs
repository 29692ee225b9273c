using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Charter.Cli.New;

namespace Charter.Cli.Commands;

/// <summary>A new site to write: its folder (full, and as the user wrote it) and what goes in it.</summary>
public sealed record NewArguments(string Dir, string Shown, StarterOptions Starter);

/// <summary>
/// <c>charter new DIR [--languages fr,en] [--shape NAME] [--title TEXT] [--base-url URL] [--slug NAME]</c>: writes a
/// small site that builds and passes <c>charter check</c> as it is — charter.yml, a charter of the chosen shape
/// (content/SLUG/structure.yml and starter text in every language) and an example declaration it cites — then says
/// what to do next. DIR must be new or empty: nothing is ever overwritten, and the site appears whole or not at all
/// (<see cref="NewSiteFolder"/>). Bad options, a known shape or language excepted, are usage errors (exit 2).
/// </summary>
public sealed partial class NewCommand : ICharterCommand
{
    public Command Describe()
    {
        var command = new Command("new", "write a new site, ready to build, into a new or empty folder");
        var dir = new Argument<string>("DIR") { Description = "the folder of the new site (it must not exist, or be empty)" };
        var languages = new Option<string>("--languages")
        {
            HelpName = "CODES",
            Description = "its languages, as comma-separated ISO 639-1 codes; the first is the source and default language (default: en)",
        };
        var shape = new Option<string>("--shape")
        {
            HelpName = "NAME",
            Description = $"the charter's starting structure: {string.Join("; ", Starter.Shapes.Select(s => $"{s.Name} ({s.Description})"))} (default: {Starter.DefaultShape})",
        };
        var title = new Option<string>("--title") { HelpName = "TEXT", Description = "the title of the site and of its charter (default: a placeholder in each language)" };
        var baseUrl = new Option<string>("--base-url") { HelpName = "URL", Description = $"the address the site will be published at (default: {Starter.DefaultBaseUrl})" };
        var slug = new Option<string>("--slug")
        {
            HelpName = "NAME",
            Description = $"the charter's folder under content/ and its address, /LANG/NAME/ (default: made from DIR's name, else {Starter.DefaultSlug})",
        };
        command.Arguments.Add(dir);
        foreach (var option in new[] { languages, shape, title, baseUrl, slug }) command.Options.Add(option);

        (NewArguments? Arguments, string? Problem) Read(CommandResult result)
        {
            // No value, or several: the parser reports it (a validator's error would hide the parser's).
            if (result.GetResult(dir) is not { Tokens.Count: 1 }) return (null, null);
            if (new[] { languages, shape, title, baseUrl, slug }.Any(o => result.GetResult(o) is { Tokens.Count: not 1 })) return (null, null);
            return Arguments(result.GetValue(dir)!, result.GetValue(languages), result.GetValue(shape), result.GetValue(title),
                result.GetValue(baseUrl), result.GetValue(slug));
        }
        // Every problem is found before anything is written, so a refused new leaves no trace.
        command.Validators.Add(result =>
        {
            if (Read(result).Problem is { } problem) result.AddError(problem);
        });
        command.SetAction(parse =>
            Run(Read(parse.CommandResult).Arguments!, Invocation(), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The new site the options describe, or why there cannot be one.</summary>
    public static (NewArguments? Arguments, string? Problem) Arguments(string dir, string? languages, string? shape, string? title, string? baseUrl, string? slug)
    {
        static (NewArguments?, string?) Fail(string why) => (null, why);
        if (dir.Trim().Length == 0) return Fail("DIR is empty: give the folder of the new site");
        var shown = dir.Length > 1 ? dir.TrimEnd('/', Path.DirectorySeparatorChar) : dir;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));

        shape ??= Starter.DefaultShape;
        if (Starter.FindShape(shape) is null)
            return Fail($"unknown shape '{shape}'; the shapes are: {string.Join("; ", Starter.Shapes.Select(s => $"{s.Name} ({s.Description})"))}");

        var codes = (languages ?? "en").Split(',').Select(c => c.Trim()).ToImmutableArray();
        foreach (var code in codes)
            if (Starter.LanguageProblem(code) is { } bad) return Fail(bad);
        if (codes.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Fail($"'{twice.Key}' is listed twice in --languages; list each language once");

        if (title is not null)
        {
            title = title.Trim();
            if (title.Length == 0) return Fail("--title is empty");
            if (title.Any(char.IsControl)) return Fail("--title must be one line of text");
        }

        baseUrl ??= Starter.DefaultBaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || baseUrl.Any(char.IsWhiteSpace))
            return Fail($"--base-url '{baseUrl}' is not an absolute http(s) URL");
        if (!baseUrl.EndsWith('/')) baseUrl += "/";

        if (slug is not null && Starter.SlugProblem(slug) is { } wrongSlug) return Fail($"--slug {wrongSlug}");
        slug ??= Starter.SlugFrom(Path.GetFileName(full));

        if (NewSiteFolder.Problem(full, shown) is { } occupied) return Fail(occupied);
        return (new NewArguments(full, shown, new StarterOptions(shape, codes, title, baseUrl, slug, DateTime.Now.Year)), null);
    }

    public static int Run(NewArguments arguments, string charter, TextWriter stdout, TextWriter stderr)
    {
        // Ctrl+C or SIGTERM while the files are written: nothing more is written and the staging folder goes.
        var stopped = false;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped = true;
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var files = Starter.Files(arguments.Starter, Starter.BuiltInTheme);
        try
        {
            if (!NewSiteFolder.Write(arguments.Dir, files, () => Volatile.Read(ref stopped)))
            {
                stderr.WriteLine($"Interrupted; nothing was written to {arguments.Shown}.");
                return ExitCodes.ContentErrors;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"charter: error: cannot write the new site into '{arguments.Shown}': {e.Message}");
            return ExitCodes.Usage;
        }
        PrintWritten(arguments, files, stdout);
        PrintNextSteps(arguments, charter, stdout);
        return ExitCodes.Success;
    }

    private static void PrintWritten(NewArguments arguments, IReadOnlyList<StarterFile> files, TextWriter stdout)
    {
        var starter = arguments.Starter;
        var languages = starter.Languages;
        var source = languages.Length > 1 ? $"; {languages[0]} is the source" : "";
        stdout.WriteLine($"Wrote a new site into {arguments.Shown} (shape {starter.Shape}; {(languages.Length > 1 ? "languages" : "language")} {string.Join(", ", languages)}{source}):");
        // One line per file, its languages together: content/x/preamble.{fr,en}.md.
        var listed = new List<string>();
        foreach (var file in files)
        {
            var match = TranslatedPath().Match(file.Path);
            var line = !match.Success || languages.Length == 1 ? file.Path
                : $"{match.Groups["name"].Value}.{{{string.Join(",", languages)}}}.md";
            if (!listed.Contains(line)) listed.Add(line);
        }
        foreach (var line in listed) stdout.WriteLine("  " + line);
    }

    [GeneratedRegex(@"^(?<name>.+)\.(?<lang>[a-zA-Z-]+)\.md$")]
    private static partial Regex TranslatedPath();

    private static void PrintNextSteps(NewArguments arguments, string charter, TextWriter stdout)
    {
        var starter = arguments.Starter;
        var folder = $"content/{starter.Slug}";
        var source = starter.Languages[0];
        string[] edit = starter.Languages.Length > 1
            ? [$"# edit the text in {folder}/ (the *.{source}.md files first: {source} is the source language)", $"# and the shape in {folder}/structure.yml"]
            : [$"# edit the text in {folder}/ and the shape in {folder}/structure.yml"];
        var steps = new List<(string Command, string? Comment)>();
        if (!SameFolder(arguments.Dir, Directory.GetCurrentDirectory())) steps.Add(($"cd {Shell(arguments.Shown)}", null));
        steps.Add(($"{charter} serve", $"# preview on http://127.0.0.1:{ServeCommand.DefaultPort}/, reloaded as you edit"));
        steps.AddRange(edit.Select(line => (line, (string?)null)));
        steps.Add(($"{charter} check", "# check the content and every link of the site"));
        steps.Add(($"{charter} build", "# build it into public/, for the base_url of charter.yml"));
        var width = steps.Where(s => s.Comment is not null).Max(s => s.Command.Length);
        stdout.WriteLine();
        stdout.WriteLine("Next steps:");
        foreach (var (command, comment) in steps)
            stdout.WriteLine(comment is null ? $"  {command}" : $"  {command.PadRight(width)}  {comment}");
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>
    /// How the user runs charter, as they would type it from the new site's folder: <c>dotnet run --project …/src/Charter.Cli --</c>
    /// when this is the build of the source tree (README, "Commands"), <c>dotnet …/charter.dll</c> for a published
    /// assembly run by dotnet (README, "Installing for speed"), else the executable, by name when it is on the PATH.
    /// </summary>
    public static string Invocation()
    {
        // The assembly's folder and file from AppContext, not Assembly.Location, which a native binary leaves empty.
        var folder = AppContext.BaseDirectory;
        var assembly = Path.Combine(folder, typeof(NewCommand).Assembly.GetName().Name + ".dll");
        for (var at = new DirectoryInfo(folder); at?.Parent is { } parent; at = parent)
            if (at.Name == "bin" && File.Exists(Path.Combine(parent.FullName, "Charter.Cli.csproj")))
                return $"dotnet run --project {Shell(Tilde(parent.FullName))} --";
        var process = Environment.ProcessPath;
        if (process is null) return "charter";
        if (Path.GetFileNameWithoutExtension(process) == "dotnet") return File.Exists(assembly) ? $"dotnet {Shell(Tilde(assembly))}" : "charter";
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(p => p.Length > 0 && SameFolder(p, Path.GetDirectoryName(process)!));
        return onPath ? Path.GetFileName(process) : Shell(Tilde(process));
    }

    /// <summary>A path under the home folder as ~/…, as the README writes them.</summary>
    private static string Tilde(string path)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 1 && path.StartsWith(home + "/", StringComparison.Ordinal) && !NeedsQuotes(path) ? "~" + path[home.Length..] : path;
    }

    /// <summary>A word as a POSIX shell reads it: quoted when it holds anything but letters, digits and ~ / . _ - + , : @.</summary>
    private static string Shell(string word) => NeedsQuotes(word) ? "'" + word.Replace("'", "'\\''") + "'" : word;

    private static bool NeedsQuotes(string word) => word.Length == 0 || !PlainWord().IsMatch(word) || (word.StartsWith('~') && word.Length > 1 && word[1] != '/');

    [GeneratedRegex(@"^[A-Za-z0-9~/._+,:@-]+$")]
    private static partial Regex PlainWord();
}
