using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace KneeSpine.Engine.Knowledge;

/// <summary>Definitions in the order of the specification's table, also found by id.</summary>
/// <typeparam name="T">The kind of definition.</typeparam>
public sealed class DefinitionList<T> : IReadOnlyList<T> where T : IKnowledgeItem
{
    private readonly T[] items;
    private readonly FrozenDictionary<string, T> byId;

    internal DefinitionList(IEnumerable<T> items)
    {
        this.items = [.. items];
        byId = this.items.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The number of definitions.</summary>
    public int Count => items.Length;

    /// <summary>The definition at <paramref name="index"/> in table order.</summary>
    public T this[int index] => items[index];

    /// <summary>The definition with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No definition has that id.</exception>
    public T this[string id] => byId.TryGetValue(id, out var item) ? item : throw new KeyNotFoundException($"The knowledge base has no {typeof(T).Name} with id '{id}'.");

    /// <summary>Finds the definition with id <paramref name="id"/>.</summary>
    public bool TryGet(string id, [MaybeNullWhen(false)] out T item) => byId.TryGetValue(id, out item);

    /// <summary>Whether a definition has id <paramref name="id"/>.</summary>
    public bool Contains(string id) => byId.ContainsKey(id);

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
