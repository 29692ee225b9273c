using System.Collections.Immutable;
using Charter.Core.Model;
using CsCheck;

namespace Charter.Tests.Model;

/// <summary>
/// Tree.PreOrder walks a tree with a stack where DescendantsAndSelf nested an iterator per node; for any tree it must
/// give the nodes in the order the recursive definition gave.
/// </summary>
public class TreeTests
{
    private sealed record Node(int Id, ImmutableArray<Node> Children);

    /// <summary>The walk as it was written before: a node, then each child's walk, in order.</summary>
    private static IEnumerable<Node> Recursive(Node n) => n.Children.SelectMany(Recursive).Prepend(n);

    private static Gen<Node> Trees(int depth) => depth == 0
        ? Gen.Int[0, 1000].Select(id => new Node(id, []))
        : Gen.Select(Gen.Int[0, 1000], Trees(depth - 1).Array[0, 4], (id, children) => new Node(id, [.. children]));

    [Fact]
    public void Any_tree_is_walked_in_reading_order()
    {
        Gen.Int[0, 4].SelectMany(Trees).Sample(tree =>
            Tree.PreOrder(tree, n => n.Children).Select(n => n.Id).SequenceEqual(Recursive(tree).Select(n => n.Id)), iter: 2000);
    }

    [Fact]
    public void A_node_comes_before_its_children_and_the_children_in_order()
    {
        var tree = new Node(1, [new Node(2, [new Node(3, []), new Node(4, [])]), new Node(5, [new Node(6, [])])]);
        Assert.Equal([1, 2, 3, 4, 5, 6], Tree.PreOrder(tree, n => n.Children).Select(n => n.Id));
    }
}
