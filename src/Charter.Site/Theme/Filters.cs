using Fluid;
using Fluid.Values;

namespace Charter.Site.Theme;

/// <summary>The theme's own Liquid filters, besides Fluid's.</summary>
public static class Filters
{
    public static void Register(TemplateOptions options)
    {
        options.Filters.AddFilter("two_digits", TwoDigits);
    }

    /// <summary>
    /// "1" → "01", as the theme prints section and principle numbers; any other number ("II", "b", "2.3", "12") as it
    /// is: padding a roman or letter numeral would print "0I".
    /// </summary>
    private static ValueTask<FluidValue> TwoDigits(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToStringValue();
        return new StringValue(text.Length == 1 && char.IsAsciiDigit(text[0]) ? "0" + text : text);
    }
}
