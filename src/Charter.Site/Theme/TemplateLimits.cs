using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Charter.Site.Theme;

/// <summary>A template went past one of the limits of charter.yml while rendering a page.</summary>
public sealed class TemplateLimitException(string message) : Exception(message);

/// <summary>
/// Bounds what a template can make the machine do, beyond Fluid's own statement count (MaxSteps) and include depth
/// (MaxRecursion): Fluid turns a range such as <c>(1..2000000000)</c> into a list in memory before any statement
/// runs, so a range longer than the statement limit is refused as it is evaluated; and every loop checks, at each
/// turn, whether the build was cancelled (a newer edit under serve, Ctrl+C), since loops are where a template
/// spends its time. Applied to every template as it is parsed, partials included.
/// </summary>
public sealed class TemplateLimits(int maxItems) : AstRewriter
{
    /// <summary>How deep includes may nest: a real theme needs a few; an include cycle hits this at once.</summary>
    public const int MaxIncludeDepth = 20;

    /// <summary>The name under which a render puts its cancellation token in the context's ambient values.</summary>
    public const string CancelKey = "charter.cancel";

    protected override Expression VisitRangeExpression(RangeExpression range) => new BoundedRange(range, maxItems);

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var visited = base.VisitForStatement(forStatement);
        return visited is ForStatement f
            ? new ForStatement([CancellationCheck.Instance, .. f.Statements], f.Identifier, f.Source, f.Limit, f.Offset, f.Reversed, f.Else)
            : visited;
    }

    /// <summary>A statement that does nothing but stop the render when its build was cancelled.</summary>
    private sealed class CancellationCheck : Statement
    {
        public static readonly CancellationCheck Instance = new();

        public override ValueTask<Completion> WriteToAsync(TextWriter writer, System.Text.Encodings.Web.TextEncoder encoder, TemplateContext context)
        {
            if (context.AmbientValues.TryGetValue(CancelKey, out var token) && token is CancellationToken cancel) cancel.ThrowIfCancellationRequested();
            return new ValueTask<Completion>(Completion.Normal);
        }
    }

    private sealed class BoundedRange(RangeExpression range, int maxItems) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            var count = Math.Abs(to - from) + 1;
            if (count > maxItems)
                throw new TemplateLimitException($"a range of {count:0} items ({from:0}..{to:0}) is longer than the template limit of {maxItems} steps");
            return await range.EvaluateAsync(context);
        }
    }
}
