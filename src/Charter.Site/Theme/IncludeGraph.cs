using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Charter.Site.Theme;

/// <summary>
/// The partials a template includes by a literal name (<c>{% include 'unit-tools' %}</c>, <c>{% render … %}</c>),
/// so that an include cycle is found when the theme is loaded and reported at the include that closes it, rather
/// than as a failure of whichever page first runs into it.
/// </summary>
internal sealed class IncludeGraph : AstVisitor
{
    private readonly List<string> _names = [];

    public static IReadOnlyList<string> Includes(IFluidTemplate template)
    {
        var graph = new IncludeGraph();
        graph.VisitTemplate(template);
        return graph._names;
    }

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
        var name = path.EndsWith(".liquid", StringComparison.Ordinal) ? path[..^".liquid".Length] : path;
        if (!_names.Contains(name)) _names.Add(name);
    }
}
