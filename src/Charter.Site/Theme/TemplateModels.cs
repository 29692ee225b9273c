using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Charter.Site.Cite;
using Charter.Site.Print;
using Charter.Site.Render;
using Charter.Site.Render.Pages;
using Fluid;

namespace Charter.Site.Theme;

/// <summary>
/// The types whose members templates read (page.title, unit.children, cite.styles …), each registered with Fluid by
/// name, in snake_case, with a delegate to its property getter. Templates can read nothing else: Fluid finds no member
/// of a type that is not listed here. Listing them is what keeps the native build right: trimming removes the
/// properties nothing calls, and Fluid's reflection over any type (its "unsafe" strategy) cannot tell the trimmer
/// which ones templates will ask for. <see cref="Add{T}"/> says it (DynamicallyAccessedMembers), so each listed type
/// keeps its public properties. A new view model goes in <see cref="Strategy"/>'s list; until it does, a template that
/// reads it fails the page with a message naming it, and TemplateModelTests fails naming every type of ours that a
/// template could reach and that is missing.
/// </summary>
public static class TemplateModels
{
    /// <summary>
    /// The registry, made once per process and shared by every theme: reading forty view models' members is a good part
    /// of a theme's making (serve makes a new theme whenever a template changes). Only read once made.
    /// </summary>
    public static Access Shared => SharedStrategy.Value;

    private static readonly Lazy<Access> SharedStrategy = new(Strategy);

    /// <summary>Fluid's member access for the theme's templates: the listed view models, by snake_case name.</summary>
    public static Access Strategy()
    {
        var strategy = new Access { MemberNameStrategy = MemberNameStrategies.SnakeCase };
        Add<SiteVm>(strategy);
        Add<PageVm>(strategy);
        Add<LinkVm>(strategy);
        Add<AlternateVm>(strategy);
        Add<SearchElsewhereVm>(strategy);
        Add<DownloadVm>(strategy);
        Add<UnitVm>(strategy);
        Add<OutdatedVm>(strategy);
        Add<NameListVm>(strategy);
        Add<DateVm>(strategy);
        Add<TocEntryVm>(strategy);
        Add<CharterVm>(strategy);
        Add<RecordEntryVm>(strategy);
        Add<DeclarationLinkVm>(strategy);
        Add<DeclarationVm>(strategy);
        Add<NoteVm>(strategy);
        Add<CitedByVm>(strategy);
        Add<SideBySideRowVm>(strategy);
        Add<CiteVm>(strategy);
        Add<DateRuleVm>(strategy);
        Add<CiteStyleVm>(strategy);
        Add<CiteSegment>(strategy);
        Add<CitationMetaVm>(strategy);
        Add<TopicVm>(strategy);
        Add<TopicGroupVm>(strategy);
        Add<TopicUnitVm>(strategy);
        Add<FilterVm>(strategy);
        Add<FilterOptionVm>(strategy);
        Add<YearVm>(strategy);
        Add<DiagramVm>(strategy);
        Add<DiagramNodeVm>(strategy);
        Add<DiagramEdgeVm>(strategy);
        Add<DiagramRowVm>(strategy);
        Add<PrintVm>(strategy);
        Add<VersionBannerVm>(strategy);
        Add<VersionNoteVm>(strategy);
        Add<VersionEntryVm>(strategy);
        Add<ChangeGroupVm>(strategy);
        Add<ChangeVm>(strategy);
        Add<RedlineRowVm>(strategy);
        Add<RedlineSegmentVm>(strategy);
        return strategy;
    }

    /// <summary>The names templates write for a property: Fluid's own snake_case (AbsoluteUrl → absolute_url).</summary>
    public static string TemplateName(PropertyInfo property) => MemberNameStrategies.SnakeCase(property);

    private static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(Access strategy)
        where T : class
    {
        strategy.Registered.Add(typeof(T));
        var accessors = new List<KeyValuePair<string, IMemberAccessor>>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // A record's EqualityContract is protected, and indexers take arguments: neither is a member to read.
            if (property.GetMethod is not { IsPublic: true } getter || property.GetIndexParameters().Length > 0) continue;
            accessors.Add(new(TemplateName(property), Getter<T>(property, getter)));
        }
        strategy.Register(typeof(T), accessors);
    }

    /// <summary>
    /// The getter as a typed delegate, called directly (no reflection per read); a value is boxed as Fluid's own
    /// accessors box it. Values of reference type share one delegate shape; bool, int and double have their own.
    /// </summary>
    private static IMemberAccessor Getter<T>(PropertyInfo property, MethodInfo getter) where T : class
    {
        var type = property.PropertyType;
        if (!type.IsValueType) return new Accessor<T>(getter.CreateDelegate<Func<T, object?>>());
        if (type == typeof(bool)) { var get = getter.CreateDelegate<Func<T, bool>>(); return new Accessor<T>(o => get(o)); }
        if (type == typeof(int)) { var get = getter.CreateDelegate<Func<T, int>>(); return new Accessor<T>(o => get(o)); }
        if (type == typeof(double)) { var get = getter.CreateDelegate<Func<T, double>>(); return new Accessor<T>(o => get(o)); }
        return new Accessor<T>(o => property.GetValue(o));
    }

    /// <summary>
    /// Fluid's default strategy (only registered members), which refuses a type of ours that is not registered rather
    /// than reading it as nothing: a missing registration is a loud error on the first page that needs it, in the
    /// JIT build as in the native one, not an empty title. Other types (a template reading a member of a string, say)
    /// get nothing, as before; so does a member a registered type does not have.
    /// </summary>
    public sealed class Access : DefaultMemberAccessStrategy
    {
        internal HashSet<Type> Registered { get; } = [];

        public bool Registers(Type type) => Registered.Contains(type);

        public override IMemberAccessor? GetAccessor(Type type, string name)
        {
            var accessor = base.GetAccessor(type, name);
            if (accessor is null && !Registered.Contains(type) && IsOurs(type))
                throw new InvalidOperationException(
                    $"templates read '{name}' of {type.Name}, a type Fluid was not told about: add it to TemplateModels.Strategy (src/Charter.Site/Theme/TemplateModels.cs)");
            return accessor;
        }

        public static bool IsOurs(Type type) => type.Assembly.GetName().Name?.StartsWith("Charter.", StringComparison.Ordinal) == true;
    }

    private sealed class Accessor<T>(Func<T, object?> get) : IMemberAccessor where T : class
    {
        public object? Get(object obj, string name, TemplateContext ctx) => get((T)obj);
    }
}
