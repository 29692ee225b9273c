using System.Runtime.CompilerServices;
using Charter.Site.Render;
using Charter.Site.Theme;
using Fluid;
using Fluid.Values;

namespace Charter.Tests.Render;

/// <summary>
/// Issue 20: TemplateValues converts our values for templates without Fluid's long search of types. It must make
/// exactly what Fluid makes: the same kind of value for every view model, the same pages.
/// </summary>
public class TemplateValuesTests
{
    private static TemplateOptions Plain() => new() { MemberAccessStrategy = TemplateModels.Shared };

    private static TemplateOptions Ours()
    {
        var options = Plain();
        TemplateValues.Register(options);
        return options;
    }

    private static List<string> Registered() =>
        [.. typeof(TemplateModels).Assembly.GetTypes().Where(TemplateModels.Shared.Registers).Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    public static TheoryData<string> ViewModels() => new(Registered());

    [Theory]
    [MemberData(nameof(ViewModels))]
    public void Every_view_model_becomes_what_Fluid_makes_of_it(string typeName)
    {
        var value = RuntimeHelpers.GetUninitializedObject(typeof(TemplateModels).Assembly.GetType(typeName)!);
        var fluid = FluidValue.Create(value, Plain());
        var ours = FluidValue.Create(value, Ours());
        Assert.Equal(fluid.GetType(), ours.GetType());
        Assert.Same(fluid.ToObjectValue(), ours.ToObjectValue());
    }

    [Fact]
    public void The_registry_lists_view_models()
    {
        // The theory above runs over the registered types: an empty list would make it pass over nothing.
        Assert.Contains(typeof(UnitVm).FullName, Registered());
    }

    [Theory]
    [InlineData("{{ s }}|{{ s.size }}|{{ s | upcase }}")]
    [InlineData("{% for x in list %}{{ forloop.index }}:{{ x.label }}={{ x.url }}{% if x.current %}*{% endif %};{% endfor %}|{{ list.size }}|{{ list.first.label }}|{{ list.last.url }}|{{ list[1].label }}")]
    [InlineData("{{ empty.size }}|{% for x in empty %}no{% else %}none{% endfor %}|{% if empty == empty %}eq{% endif %}|{{ names | join: ', ' }}|{{ names | sort | first }}")]
    [InlineData("{{ map.a }}|{{ map['b'].label }}|{{ map.size }}|{% for kv in map %}{{ kv[0] }};{% endfor %}|{{ map.missing }}")]
    [InlineData("{{ link.label }}|{{ link }}|{% if link %}yes{% endif %}|{{ names contains 'Tunis' }}|{{ list | map: 'label' | join: '+' }}")]
    public void Templates_read_the_same_page(string source)
    {
        var link = new LinkVm("Lampedusa", "/fr/", Current: true);
        var model = new Dictionary<string, object?>
        {
            ["s"] = "Dignité",
            ["list"] = new[] { link, new LinkVm("Palerme", "/en/"), new LinkVm("Tunis", "/es/") }.ToEquatable(),
            ["empty"] = EquatableList<LinkVm>.Empty,
            ["names"] = new[] { "Tunis", "Athènes", "Dakar" }.ToEquatable(),
            ["map"] = new EquatableMap(new Dictionary<string, object?> { ["a"] = "un", ["b"] = link }),
            ["link"] = link,
        };
        string Render(TemplateOptions options)
        {
            Assert.True(new FluidParser().TryParse(source, out var template, out var error), error);
            var context = new TemplateContext(options);
            foreach (var (key, value) in model) context.SetValue(key, value);
            return template.Render(context);
        }
        var fluid = Render(Plain());
        Assert.Equal(fluid, Render(Ours()));
        Assert.DoesNotMatch(@"^\|*$", fluid);
    }
}
