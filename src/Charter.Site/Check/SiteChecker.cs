using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Charter.Site.Render;

namespace Charter.Site.Check;

/// <summary>The outcome of <c>charter check</c>: every diagnostic (the build's and the site's), sorted, and what was checked.</summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Links, int Fragments)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Checks a built site in memory, as it would be written, without writing it: every internal address of every
/// page, sitemap, charter.json and robots.txt leads to a file of the site and every fragment to an id of its page;
/// every page has a title, a lang, a canonical link and reciprocal hreflang alternates with an x-default; every
/// indexable page is in the sitemap; no page carries code the Content-Security-Policy would block.
/// Diagnostics name the output file as it would be written (<paramref name="outputPrefix"/> + its path, e.g.
/// <c>public/fr/lampedusa/index.html:12:7</c>), at the line and column of the offending tag.
/// </summary>
public static class SiteChecker
{
    /// <param name="build">A successful build (made with WriteOutput = false, or not); a failed one is returned as it is.</param>
    /// <param name="outputPrefix">What to put before output paths in diagnostics: the output folder relative to the source, ending in '/' (or "").</param>
    public static CheckResult Check(BuildResult build, string outputPrefix)
    {
        if (!build.Success || build.Config is null) return new CheckResult(build.Diagnostics, 0, 0, 0);
        var config = build.Config;
        var urls = new SiteUrls(config.BaseUrl);
        string Display(string path) => outputPrefix + path;

        var files = new HashSet<string>(build.Files.Select(f => f.Path), StringComparer.Ordinal);
        files.UnionWith(build.AssetPaths);
        var htmlFiles = build.Files.Where(f => IsHtml(f.Path)).ToList();

        // Parsing is the expensive part: in parallel, one parser per worker, keeping only the facts of each page.
        var facts = new PageFacts[htmlFiles.Count];
        Parallel.For(0, htmlFiles.Count, PageScanner.NewParser, (i, _, parser) =>
        {
            facts[i] = PageScanner.Scan(htmlFiles[i], Display(htmlFiles[i].Path), parser, urls);
            return parser;
        }, _ => { });
        // One entry per path, whatever the build made: two files at one path are the build's error to report, not a crash here.
        var pages = facts.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var problems = new ConcurrentQueue<Diagnostic>(build.Diagnostics);
        foreach (var page in facts) foreach (var problem in page.Problems) problems.Enqueue(problem);
        var context = new Context(files, pages, problems);

        Parallel.ForEach(facts, page =>
        {
            foreach (var link in page.Links) context.Follow(link);
            CheckCanonical(page, context);
            CheckAlternates(page, config.Languages, context);
        });

        var dataProblems = new List<Diagnostic>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var sitemap = build.Files.FirstOrDefault(f => f.Path == "sitemap.xml");
        if (sitemap is null)
            problems.Enqueue(new Diagnostic(Severity.Error, Codes.SitemapMissingPage, SourceLocation.File(Display("sitemap.xml")),
                "the site has no sitemap.xml", "this is a bug in Charter; please report it"));
        else
        {
            var (locs, alternates) = DataFileScanner.Sitemap(sitemap, Display(sitemap.Path), urls, dataProblems);
            foreach (var loc in locs)
            {
                if (!context.Follow(loc)) continue;
                listed.Add(loc.Target.Path);
                if (pages.TryGetValue(loc.Target.Path, out var listedPage) && listedPage.Noindex)
                    problems.Enqueue(new Diagnostic(Severity.Warning, Codes.SitemapMissingPage, loc.At,
                        $"the sitemap lists {loc.Raw}, a page marked noindex", "leave noindex pages out of the sitemap"));
            }
            foreach (var alternate in alternates) context.Follow(alternate);
            foreach (var page in facts.Where(p => !p.Noindex && !listed.Contains(p.Path)))
                problems.Enqueue(new Diagnostic(Severity.Error, Codes.SitemapMissingPage, page.At,
                    $"the page {urls.PageUri(page.Path)} is indexable but not listed in sitemap.xml",
                    "add it to the sitemap, or mark it <meta name=\"robots\" content=\"noindex\">"));
        }

        // Style sheets load fonts and images by url(): each must be a file of the site too.
        foreach (var (path, source) in build.Assets.Where(a => a.Path.EndsWith(".css", StringComparison.Ordinal)))
        {
            var css = new Core.Model.SourceFile(Display(path), File.ReadAllText(source));
            foreach (var (value, offset) in Css.Urls(css.Text))
                context.Follow(new Reference(css.LocationOf(offset), value, urls.Resolve(urls.PageUri(path), value), "url()"));
        }

        foreach (var file in build.Files)
        {
            IEnumerable<Reference> references =
                DataFileScanner.HasUnitUrls(file.Path) ? DataFileScanner.JsonUrls(file, Display(file.Path), urls, dataProblems)
                : DataFileScanner.IsCitation(file.Path) ? DataFileScanner.CitationUrls(file, Display(file.Path), urls, dataProblems)
                : file.Path == "robots.txt" ? DataFileScanner.Robots(file, Display(file.Path), urls)
                : [];
            foreach (var reference in references) context.Follow(reference);
        }
        foreach (var problem in dataProblems) problems.Enqueue(problem);

        var bag = new DiagnosticBag();
        foreach (var problem in problems) bag.Add(problem);
        return new CheckResult(bag.Sorted(), facts.Length, context.Links, context.Fragments);
    }

    private static bool IsHtml(string path) => path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(".htm", StringComparison.Ordinal);

    /// <summary>The site as a whole, shared by the checks (thread-safe: read-only sets, a concurrent bag, atomic counters).</summary>
    private sealed class Context(HashSet<string> files, Dictionary<string, PageFacts> pages, ConcurrentQueue<Diagnostic> problems)
    {
        private int _links, _fragments;
        public int Links => _links;
        public int Fragments => _fragments;
        public Dictionary<string, PageFacts> Pages => pages;
        public void Report(Diagnostic diagnostic) => problems.Enqueue(diagnostic);

        /// <summary>Checks that a reference leads somewhere in the site; true when it is internal and its file exists.</summary>
        public bool Follow(Reference reference)
        {
            var target = reference.Target;
            switch (target.Kind)
            {
                case TargetKind.External or TargetKind.Other or TargetKind.Unsafe:
                    return false;
                case TargetKind.Invalid:
                    Error(Codes.BrokenLink, reference, $"{reference.What} '{PageScanner.Shorten(reference.Raw)}' is not a valid address", "fix the address");
                    return false;
                case TargetKind.OutsideBase:
                    Error(Codes.BrokenLink, reference, $"{reference.What} '{PageScanner.Shorten(reference.Raw)}' points outside the site's base path",
                        "build links with the site's base path (charter.yml base_url) so the site works under a sub-folder");
                    return false;
            }
            Interlocked.Increment(ref _links);
            if (!files.Contains(target.Path))
            {
                var hint = files.Contains(target.Path + "/index.html") ? $"add a trailing '/': {reference.Raw}/"
                    : "check the address; the site has no such file";
                Error(Codes.BrokenLink, reference, $"{reference.What} '{PageScanner.Shorten(reference.Raw)}' leads to {target.Path}, which is not in the site", hint);
                return false;
            }
            // "#" and "#top" always work (HTML scrolls to the top); fragments of non-HTML files are not ids.
            if (target.Fragment.Length == 0 || !pages.TryGetValue(target.Path, out var page)) return true;
            Interlocked.Increment(ref _fragments);
            if (!page.Ids.Contains(target.Fragment) && !string.Equals(target.Fragment, "top", StringComparison.OrdinalIgnoreCase))
                Error(Codes.BrokenFragment, reference, $"{reference.What} '{PageScanner.Shorten(reference.Raw)}': {target.Path} has no element with id '{target.Fragment}'",
                    "link to an id the page has (a unit's id, such as p2-3), or fix the id in the content");
            return true;
        }

        private void Error(string code, Reference at, string message, string hint) =>
            problems.Enqueue(new Diagnostic(Severity.Error, code, at.At, message, hint));
    }

    /// <summary>One canonical link per page; an indexable page must name itself, or search engines would drop it.</summary>
    private static void CheckCanonical(PageFacts page, Context context)
    {
        if (page.Canonicals.Count == 0)
        {
            context.Report(new Diagnostic(Severity.Error, Codes.PageWithoutCanonical, page.At,
                "the page has no <link rel=\"canonical\">", "add one to the theme's layout, from page.canonical"));
            return;
        }
        if (page.Canonicals.Count > 1)
            context.Report(new Diagnostic(Severity.Error, Codes.PageWithoutCanonical, page.Canonicals[1].At,
                "the page has more than one <link rel=\"canonical\">", "keep one"));
        var canonical = page.Canonicals[0];
        if (!page.Noindex && canonical.Target.Kind == TargetKind.Internal && (canonical.Target.Path != page.Path || canonical.Target.Fragment.Length > 0))
            context.Report(new Diagnostic(Severity.Error, Codes.PageWithoutCanonical, canonical.At,
                $"the page is indexable but its canonical link names another address ({canonical.Raw})",
                "make the canonical link the page's own address, or mark the page noindex"));
    }

    /// <summary>
    /// hreflang alternates: one per language of the site and an x-default, each resolving to a page; reciprocal
    /// (if A lists B as 'en', then B lists itself as 'en' and lists A under A's own code); the page's own code
    /// matches its &lt;html lang&gt;. Noindex pages (redirects, 404) need the links but not the reciprocity,
    /// which search engines only read between indexable pages.
    /// </summary>
    private static void CheckAlternates(PageFacts page, IEnumerable<string> languages, Context context)
    {
        void Error(SourceLocation at, string message, string hint) =>
            context.Report(new Diagnostic(Severity.Error, Codes.HreflangMismatch, at, message, hint));

        var byCode = new Dictionary<string, Alternate>(StringComparer.Ordinal);
        foreach (var alternate in page.Alternates)
            if (!byCode.TryAdd(alternate.Code, alternate))
                Error(alternate.Link.At, $"hreflang '{alternate.Code}' is listed twice", "list each language once");
        foreach (var language in languages.Select(l => l.ToLowerInvariant()).Where(l => !byCode.ContainsKey(l)))
            Error(page.At, $"the page has no <link rel=\"alternate\" hreflang=\"{language}\">", "the theme's layout lists page.alternates; every page needs one per language");
        if (!byCode.ContainsKey("x-default"))
            Error(page.At, "the page has no <link rel=\"alternate\" hreflang=\"x-default\">", "add the x-default alternate (the language picker) to the theme's layout");

        bool Is(Alternate? a, string path) => a is { Link.Target: { Kind: TargetKind.Internal, Fragment.Length: 0 } t } && t.Path == path;
        var self = page.Alternates.FirstOrDefault(a => a.Code != "x-default" && Is(a, page.Path));
        if (self is not null && page.Lang is { Length: > 0 } lang && !SameLanguage(lang, self.Code))
            Error(self.Link.At, $"the page lists itself as hreflang '{self.Code}' but its <html lang> is '{lang}'", "make the page's lang and its hreflang agree");
        if (page.Noindex || page.Alternates.Count == 0) return;
        self ??= page.Alternates.FirstOrDefault(a => Is(a, page.Path));
        if (self is null)
        {
            Error(page.At, "the page does not list itself among its hreflang alternates", "each page lists every language version, its own included");
            return;
        }

        foreach (var (code, alternate) in byCode)
        {
            if (code == "x-default" || alternate.Link.Target is not { Kind: TargetKind.Internal } target || target.Path == page.Path) continue;
            if (!context.Pages.TryGetValue(target.Path, out var other)) continue; // a missing page is already a broken link
            var theirs = other.Alternates.Where(a => a.Code == code).FirstOrDefault();
            var back = other.Alternates.FirstOrDefault(a => a.Code == self.Code);
            if (!Is(theirs, other.Path))
                Error(alternate.Link.At, $"this page lists {alternate.Link.Raw} as hreflang '{code}', but that page does not list itself as '{code}'",
                    "every language version must list the same alternates");
            else if (!Is(back, page.Path))
                Error(alternate.Link.At, $"this page lists {alternate.Link.Raw} as hreflang '{code}', but that page does not list this one back as '{self.Code}'",
                    "hreflang links must be reciprocal: every language version lists the same alternates");
        }
    }

    /// <summary>'fr' and 'fr-FR' name the same language for this check; codes are compared without case.</summary>
    private static bool SameLanguage(string lang, string code)
    {
        static string Primary(string c) => c.Split('-')[0].Trim().ToLowerInvariant();
        return string.Equals(lang.Trim(), code, StringComparison.OrdinalIgnoreCase) || Primary(lang) == Primary(code);
    }
}
