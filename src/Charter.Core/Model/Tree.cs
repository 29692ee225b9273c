using System.Collections.Immutable;

namespace Charter.Core.Model;

public static class Tree
{
    /// <summary>
    /// A node and all the nodes below it, in reading order (each node before its children, the children in order).
    /// Walked with a stack, not with an iterator per node: a charter's units are walked for every page, check and
    /// status, and the nested iterators of SelectMany were a good part of a rebuild's time under serve.
    /// </summary>
    public static IEnumerable<T> PreOrder<T>(T root, Func<T, ImmutableArray<T>> children)
    {
        var stack = new Stack<T>();
        stack.Push(root);
        while (stack.TryPop(out var node))
        {
            yield return node;
            var below = children(node);
            for (var i = below.Length - 1; i >= 0; i--) stack.Push(below[i]);
        }
    }
}
