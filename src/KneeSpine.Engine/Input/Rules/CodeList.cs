using System.Runtime.CompilerServices;

namespace KneeSpine.Engine.Input;

/// <summary>
/// The distinct codes of a list field, in input order, as positions in the field's code list;
/// duplicates are found with a bit mask, so checking a list allocates nothing.
/// </summary>
internal struct CodeList
{
    public const int Capacity = 16;

    private Entries _positions;
    private Entries _itemIndexes;
    private ulong _mask;
    private int _count;

    public readonly int Count => _count;

    /// <summary>Adds a code position; returns false, with the list index where it first appeared, when it is already listed.</summary>
    public bool TryAdd(int position, int itemIndex, out int firstItemIndex)
    {
        var bit = 1UL << position;
        if ((_mask & bit) != 0)
        {
            firstItemIndex = FirstIndexOf(position);
            return false;
        }

        _mask |= bit;
        _positions[_count] = position;
        _itemIndexes[_count] = itemIndex;
        _count++;
        firstItemIndex = -1;
        return true;
    }

    public readonly TCode[] ToArray<TCode>() where TCode : struct, Enum
    {
        var result = new TCode[_count];
        for (var i = 0; i < _count; i++)
        {
            var position = _positions[i];
            result[i] = Unsafe.As<int, TCode>(ref position);
        }

        return result;
    }

    private readonly int FirstIndexOf(int position)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_positions[i] == position)
            {
                return _itemIndexes[i];
            }
        }

        return -1;
    }

    [InlineArray(Capacity)]
    internal struct Entries
    {
        private int _element;
    }
}
