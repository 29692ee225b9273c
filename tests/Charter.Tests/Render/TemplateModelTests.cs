using System.Collections;
using System.Reflection;
using Charter.Site.Render;
using Charter.Site.Theme;
using Fluid;

namespace Charter.Tests.Render;

/// <summary>
/// Issue 20: templates read only the view models TemplateModels registers with Fluid, which is what the native build
/// keeps. A view model that a template can reach and that is not registered would print as nothing in the native
/// binary: these tests name it first.
/// </summary>
public class TemplateModelTests
{
    private static readonly TemplateModels.Access Strategy = TemplateModels.Strategy();

    /// <summary>
    /// What templates can reach: every type of ours named *Vm (the view models' convention), and every type of ours
    /// their properties hold, through lists and nullable values. Lists and maps (EquatableList, EquatableMap) are
    /// read by Fluid as arrays and dictionaries, not through members, so they are looked through, not registered.
    /// </summary>
    private static SortedSet<Type> Reachable()
    {
        var seeds = typeof(TemplateModels).Assembly.GetTypes().Where(t => t.IsPublic || t.IsNestedPublic)
            .Where(t => t.Name.EndsWith("Vm", StringComparison.Ordinal));
        var found = new SortedSet<Type>(Comparer<Type>.Create((a, b) => string.CompareOrdinal(a.FullName, b.FullName)));
        var queue = new Queue<Type>(seeds);
        while (queue.TryDequeue(out var type))
        {
            foreach (var inner in Through(type))
            {
                if (!TemplateModels.Access.IsOurs(inner) || inner.IsEnum || !found.Add(inner)) continue;
                foreach (var property in inner.GetProperties(BindingFlags.Public | BindingFlags.Instance)) queue.Enqueue(property.PropertyType);
            }
        }
        return found;
    }

    /// <summary>The type itself, or what a list, a map or a nullable value holds.</summary>
    private static IEnumerable<Type> Through(Type type)
    {
        if (type.IsArray) return Through(type.GetElementType()!);
        if (type.IsGenericType && (typeof(IEnumerable).IsAssignableFrom(type) || type.GetGenericTypeDefinition() == typeof(Nullable<>)))
            return type.GetGenericArguments().SelectMany(Through);
        if (typeof(IEnumerable).IsAssignableFrom(type)) return [];
        return [type];
    }

    [Fact]
    public void Every_view_model_a_template_can_reach_is_registered()
    {
        var reachable = Reachable();
        // The walk itself is checked: it reaches the page's model and models that only a property leads to.
        Assert.Contains(typeof(PageVm), reachable);
        Assert.Contains(typeof(Charter.Site.Cite.CiteSegment), reachable);
        var missing = reachable.Where(t => !Strategy.Registers(t)).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0,
            $"templates can reach these types, which TemplateModels.Strategy does not register (the native build would print them as nothing): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_public_property_of_a_registered_model_is_readable_by_its_snake_case_name()
    {
        var unreadable = Reachable().Where(Strategy.Registers)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && Strategy.GetAccessor(t, TemplateModels.TemplateName(p)) is null)
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(unreadable);
        Assert.Equal("absolute_url", TemplateModels.TemplateName(typeof(UnitVm).GetProperty(nameof(UnitVm.AbsoluteUrl))!));
    }

    private static string Render(string source, object value)
    {
        var options = new TemplateOptions { MemberAccessStrategy = TemplateModels.Strategy() };
        var template = new FluidParser().Parse(source);
        var context = new TemplateContext(options);
        context.SetValue("x", value);
        return template.Render(context);
    }

    [Fact]
    public void Registered_members_read_their_values_of_every_type()
    {
        var node = new DiagramNodeVm("un", "Un et deux", "/fr/un/", 12.5, 3, "declaration");
        Assert.Equal("un|Un et deux|12.5|3|declaration|", Render("{{ x.id }}|{{ x.label }}|{{ x.y }}|{{ x.count }}|{{ x.type }}|{{ x.nothing }}", node));
        var link = new LinkVm("Accueil", "/fr/", Current: true);
        Assert.Equal("true false", Render("{{ x.current }} {{ x.exact }}", link));
    }

    public sealed record UnlistedVm(string Name);

    [Fact]
    public void A_template_reading_a_model_that_is_not_registered_fails_naming_it()
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => Render("{{ x.name }}", new UnlistedVm("a")));
        Assert.Contains("UnlistedVm", error.Message);
        Assert.Contains("TemplateModels", error.Message);
    }
}
