using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Charter.Site.Theme;

/// <summary>
/// The partials a template always includes by a literal name (<c>{% include 'unit-tools' %}</c>, <c>{% render … %}</c>),
/// so that an include cycle is found when the theme is loaded and reported at the include that closes it, rather
/// than as a failure of whichever page first runs into it. An include inside a loop or a condition is left out: a
/// partial that shows a tree includes itself for the children it is given, and ends with them (the include depth
/// limit still bounds it at render time).
/// </summary>
internal sealed class IncludeGraph : AstVisitor
{
    private readonly List<string> _names = [];
    private int _guarded;

    private Statement Guarded(Func<Statement> visit)
    {
        _guarded++;
        try { return visit(); }
        finally { _guarded--; }
    }

    protected override Statement VisitForStatement(ForStatement statement) => Guarded(() => base.VisitForStatement(statement));
    protected override Statement VisitIfStatement(IfStatement statement) => Guarded(() => base.VisitIfStatement(statement));
    protected override Statement VisitUnlessStatement(UnlessStatement statement) => Guarded(() => base.VisitUnlessStatement(statement));
    protected override Statement VisitCaseStatement(CaseStatement statement) => Guarded(() => base.VisitCaseStatement(statement));

    // Per parsed template, which the themes of a process share (Theme.Rewritten): a build asks for every template,
    // serve at every rebuild, and a process that walks the same trees thousands of times is where the .NET 10 JIT
    // bug of tests/test.runsettings was seen.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IFluidTemplate, IReadOnlyList<string>> Known = [];

    public static IReadOnlyList<string> Includes(IFluidTemplate template) => Known.GetValue(template, t =>
    {
        var graph = new IncludeGraph();
        graph.VisitTemplate(t);
        return graph._names;
    });

    protected override Statement VisitIncludeStatement(IncludeStatement include)
    {
        if (include.Path is LiteralExpression { Value: StringValue name }) Add(name.ToStringValue());
        return base.VisitIncludeStatement(include);
    }

    protected override Statement VisitRenderStatement(RenderStatement render)
    {
        Add(render.Path);
        return base.VisitRenderStatement(render);
    }

    private void Add(string path)
    {
        if (_guarded > 0) return;
        var name = path.EndsWith(".liquid", StringComparison.Ordinal) ? path[..^".liquid".Length] : path;
        if (!_names.Contains(name)) _names.Add(name);
    }
}
