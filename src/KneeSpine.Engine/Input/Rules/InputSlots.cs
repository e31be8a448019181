using System.Runtime.CompilerServices;

namespace KneeSpine.Engine.Input;

/// <summary>
/// The answers of one assessment as plain numbers, one slot per catalogue field: booleans 0/1,
/// integers as they are, decimals as their bits, dates as day numbers, codes as their position
/// in the field's code list. The reader fills it without allocating; the model is built from it.
/// </summary>
internal struct InputSlots
{
    /// <summary>Fields whose value was given (valid or not): used to find duplicates and missing answers.</summary>
    public ulong Seen;

    /// <summary>Fields holding a valid value.</summary>
    public ulong Valid;

    /// <summary>Sections given as objects, by <see cref="InputSchema.SectionBit"/>: an empty optional section is kept, not dropped.</summary>
    public uint SectionsGiven;

    public Values Value;

    public CodeList Conditions;

    public CodeList PainMedicines;

    public readonly bool IsValid(int field) => (Valid & (1UL << field)) != 0;

    public readonly bool WasSeen(int field) => (Seen & (1UL << field)) != 0;

    public void Set(int field, long value)
    {
        Value[field] = value;
        Valid |= 1UL << field;
    }

    public readonly bool? Bool(int field) => IsValid(field) ? Value[field] != 0 : null;

    public readonly int? Int(int field) => IsValid(field) ? (int)Value[field] : null;

    public readonly double? Double(int field) => IsValid(field) ? BitConverter.Int64BitsToDouble(Value[field]) : null;

    public readonly PainScore? Pain(int field) => IsValid(field) ? new PainScore((int)Value[field]) : null;

    public readonly DateOnly Date(int field) => DateOnly.FromDayNumber((int)Value[field]);

    public readonly TCode? Code<TCode>(int field) where TCode : struct, Enum
    {
        if (!IsValid(field))
        {
            return null;
        }

        var position = (int)Value[field];
        return Unsafe.As<int, TCode>(ref position);
    }

    [InlineArray(FieldIndex.Capacity)]
    internal struct Values
    {
        private long _element;
    }
}
