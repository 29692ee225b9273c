using Charter.Site.Render;
using Fluid;
using Fluid.Values;

namespace Charter.Site.Theme;

/// <summary>
/// How the values templates read become Fluid's: the same values Fluid's own <see cref="FluidValue.Create"/> would make,
/// found sooner. Fluid tries a dozen types and interfaces on each value before it settles on an object (a view model,
/// read by its registered members), and grows a list item by item for a list it cannot count: at 100 charters that
/// was seven hundred milliseconds of a build. Our own kinds of value are known here by their type; anything else goes
/// on to Fluid's conversion. TemplateValuesTests holds each answer to Fluid's own.
/// </summary>
public static class TemplateValues
{
    public static void Register(TemplateOptions options)
    {
        var models = TemplateModels.Shared;
        options.ValueConverters.Insert(0, value => value switch
        {
            string text => new StringValue(text),
            IEquatableList list => Array(list, options),
            EquatableMap map => new DictionaryValue(new ObjectDictionaryFluidIndexable<object?>(map, options)),
            _ when models.Registers(value.GetType()) => new ObjectValue(value),
            _ => null,
        });
    }

    private static FluidValue Array(IEquatableList list, TemplateOptions options)
    {
        if (list.Count == 0) return ArrayValue.Empty;
        var values = new FluidValue[list.Count];
        var i = 0;
        foreach (var item in list) values[i++] = FluidValue.Create(item, options);
        return new ArrayValue(values);
    }
}
