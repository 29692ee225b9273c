using System.Collections;
using System.Collections.ObjectModel;

namespace Charter.Site.Render;

/// <summary>
/// A list that compares by value, item by item: view models are records, and a record compares its lists by
/// reference. With these, two page models built from the same content are equal (serve reuses the page's HTML) and a
/// changed one is not, without a reflection walk. Templates see a plain list.
/// </summary>
public sealed class EquatableList<T>(IReadOnlyList<T> items) : IReadOnlyList<T>, IEquatableList, IEquatable<EquatableList<T>>
{
    public static readonly EquatableList<T> Empty = new([]);

    public T this[int index] => items[index];
    public int Count => items.Count;
    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(EquatableList<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Count != Count) return false;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < Count; i++)
            if (!comparer.Equals(items[i], other[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Count);
        foreach (var item in items.Take(8)) hash.Add(item);
        return hash.ToHashCode();
    }
}

/// <summary>Any <see cref="EquatableList{T}"/>, counted without knowing its type of item (TemplateValues makes a template's array of it).</summary>
public interface IEquatableList : IEnumerable
{
    int Count { get; }
}

/// <summary>A read-only map of names to values that compares by value; a dictionary to templates (t.x, fields.theme).</summary>
public sealed class EquatableMap(IDictionary<string, object?> values)
    : ReadOnlyDictionary<string, object?>(values), IEquatable<EquatableMap>
{
    public static new readonly EquatableMap Empty = new(new Dictionary<string, object?>());

    public bool Equals(EquatableMap? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Count != Count) return false;
        foreach (var (key, value) in this)
            if (!other.TryGetValue(key, out var theirs) || !Equals(value, theirs)) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableMap other && Equals(other);

    public override int GetHashCode() => Count;
}

public static class Equatable
{
    public static EquatableList<T> ToEquatable<T>(this IEnumerable<T> items) => new(items.ToList());

    /// <summary>A map of the items; a key given twice keeps its last value.</summary>
    public static EquatableMap Map(params (string Key, object? Value)[] items)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in items) map[key] = value;
        return new(map);
    }
}
