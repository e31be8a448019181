using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace KneeSpine.Engine.Input;

internal ref partial struct InputParser
{
    /// <summary>Longest escaped string worth unescaping for a code or a date; anything longer cannot match.</summary>
    private const int MaxTokenBytes = 256;

    private void ReadFieldOnce(int field)
    {
        if (_slots.WasSeen(field))
        {
            _errors.Add(FieldIndex.Fields[field].Path, InputMessages.DuplicateProperty);
            _reader.Skip();
            return;
        }

        _slots.Seen |= 1UL << field;
        _reader.Read();
        if (_reader.TokenType == JsonTokenType.Null)
        {
            _errors.Add(FieldIndex.Fields[field].Path, InputMessages.Null(FieldIndex.Fields[field]));
            return;
        }

        switch (FieldIndex.Fields[field].Kind)
        {
            case FieldKind.Boolean:
                ReadBoolean(field);
                break;
            case FieldKind.Integer:
            case FieldKind.Decimal:
                ReadNumber(field);
                break;
            case FieldKind.Date:
                ReadDate(field);
                break;
            case FieldKind.Choice:
                ReadChoice(field);
                break;
            default:
                ReadChoiceList(field);
                break;
        }
    }

    private void ReadBoolean(int field)
    {
        switch (_reader.TokenType)
        {
            case JsonTokenType.True:
                _slots.Set(field, 1);
                break;
            case JsonTokenType.False:
                _slots.Set(field, 0);
                break;
            default:
                WrongType(field);
                break;
        }
    }

    private void ReadNumber(int field)
    {
        if (_reader.TokenType != JsonTokenType.Number)
        {
            WrongType(field);
            return;
        }

        var isInteger = FieldIndex.Fields[field].Kind == FieldKind.Integer;
        if (isInteger && _reader.TryGetInt64(out var whole))
        {
            if (FieldRules.InRange(field, whole))
            {
                _slots.Set(field, whole);
            }
            else
            {
                OutOfRange(field);
            }

            return;
        }

        // Numbers too large for a double are out of range; they must not overflow or throw.
        if (!_reader.TryGetDouble(out var number) || !double.IsFinite(number) || !FieldRules.InRange(field, number))
        {
            if (isInteger && double.IsFinite(number) && number != Math.Floor(number))
            {
                WrongType(field);
            }
            else
            {
                OutOfRange(field);
            }

            return;
        }

        if (!isInteger)
        {
            _slots.Set(field, BitConverter.DoubleToInt64Bits(number));
        }
        else if (number == Math.Floor(number))
        {
            // 7.0 and 7e0 are whole numbers, as JSON Schema defines "integer".
            _slots.Set(field, (long)number);
        }
        else
        {
            WrongType(field);
        }
    }

    private void ReadDate(int field)
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            WrongType(field);
            return;
        }

        Span<byte> buffer = stackalloc byte[MaxTokenBytes];
        var text = StringBytes(buffer);
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !Utf8Parser.TryParse(text[..4], out int year, out var yearLength) || yearLength != 4
            || !Utf8Parser.TryParse(text.Slice(5, 2), out int month, out var monthLength) || monthLength != 2
            || !Utf8Parser.TryParse(text.Slice(8, 2), out int day, out var dayLength) || dayLength != 2
            || !IsDigits(text))
        {
            _errors.Add(FieldIndex.Fields[field].Path, InputMessages.NotADate(CurrentText()));
            return;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            _errors.Add(FieldIndex.Fields[field].Path, InputMessages.ImpossibleDate(CurrentText()));
            return;
        }

        _slots.Set(field, new DateOnly(year, month, day).DayNumber);
    }

    private static bool IsDigits(ReadOnlySpan<byte> date)
    {
        for (var i = 0; i < date.Length; i++)
        {
            if (i is not (4 or 7) && !char.IsAsciiDigit((char)date[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void ReadChoice(int field)
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            WrongType(field);
            return;
        }

        var position = MatchCode(field);
        if (position >= 0)
        {
            _slots.Set(field, position);
        }
        else
        {
            _errors.Add(FieldIndex.Fields[field].Path, InputMessages.UnknownCode(FieldIndex.Fields[field], CurrentText()));
        }
    }

    private void ReadChoiceList(int field)
    {
        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            WrongType(field);
            return;
        }

        ref var list = ref field == FieldIndex.Conditions ? ref _slots.Conditions : ref _slots.PainMedicines;
        var valid = true;
        for (var index = 0; _reader.Read() && _reader.TokenType != JsonTokenType.EndArray; index++)
        {
            var position = _reader.TokenType == JsonTokenType.String ? MatchCode(field) : -1;
            if (position >= 0)
            {
                var before = _errors.Count;
                FieldRules.AddToList(ref list, field, position, index, ref _errors);
                valid &= _errors.Count == before;
                continue;
            }

            valid = false;
            var path = FieldRules.ItemPath(field, index);
            var message = _reader.TokenType switch
            {
                JsonTokenType.String => InputMessages.UnknownCode(FieldIndex.Fields[field], CurrentText()),
                JsonTokenType.Null => InputMessages.NullListItem(FieldIndex.Fields[field]),
                _ => InputMessages.WrongType(FieldIndex.Fields[field] with { Kind = FieldKind.Choice }, Describe()),
            };
            _errors.Add(path, message);
            SkipContainer();
        }

        if (valid)
        {
            _slots.Valid |= 1UL << field;
        }
    }

    /// <summary>Position of the current string in the field's code list, or -1.</summary>
    private readonly int MatchCode(int field)
    {
        Span<byte> buffer = stackalloc byte[MaxTokenBytes];
        var text = StringBytes(buffer);
        var codes = InputSchema.Codes[field];
        for (var i = 0; i < codes.Length; i++)
        {
            if (text.SequenceEqual(codes[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The current string's UTF-8 bytes, unescaped into <paramref name="buffer"/> when needed.
    /// Strings too long for the buffer, or with invalid escapes, come back empty: they match no code or date.
    /// </summary>
    private readonly ReadOnlySpan<byte> StringBytes(Span<byte> buffer)
    {
        if (!_reader.ValueIsEscaped)
        {
            return _reader.ValueSpan;
        }

        if (_reader.ValueSpan.Length > buffer.Length)
        {
            return [];
        }

        try
        {
            var written = _reader.CopyString(buffer);
            return buffer[..written];
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    private void WrongType(int field)
    {
        _errors.Add(FieldIndex.Fields[field].Path, InputMessages.WrongType(FieldIndex.Fields[field], Describe()));
        SkipContainer();
    }

    private void OutOfRange(int field) =>
        _errors.Add(FieldIndex.Fields[field].Path, InputMessages.OutOfRange(FieldIndex.Fields[field], Encoding.UTF8.GetString(_reader.ValueSpan)));
}
