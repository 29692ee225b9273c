using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Charter.Site.Theme;

/// <summary>A template went past one of the limits of charter.yml while rendering a page.</summary>
public sealed class TemplateLimitException(string message) : Exception(message);

/// <summary>
/// Bounds what a template can make the machine do, beyond Fluid's own statement count (MaxSteps) and include depth
/// (MaxRecursion): Fluid turns a range such as <c>(1..2000000000)</c> into a list in memory before any statement
/// runs, so a range longer than the statement limit is refused as it is evaluated. Applied to every template as it
/// is parsed, partials included.
/// </summary>
public sealed class TemplateLimits(int maxItems) : AstRewriter
{
    /// <summary>How deep includes may nest: a real theme needs a few; an include cycle hits this at once.</summary>
    public const int MaxIncludeDepth = 20;

    protected override Expression VisitRangeExpression(RangeExpression range) => new BoundedRange(range, maxItems);

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
