using System.Text;
using System.Text.Json;

namespace KneeSpine.Engine.Input;

/// <summary>
/// Walks one JSON document token by token, checking every property against
/// <see cref="InputSchema"/> and collecting every problem instead of stopping at the first.
/// </summary>
/// <remarks>Valid input allocates only the model: names and codes are compared as UTF-8 bytes and values go into <see cref="InputSlots"/>.</remarks>
internal ref partial struct InputParser
{
    private Utf8JsonReader _reader;
    private InputSlots _slots;
    private ErrorList _errors;
    private uint _sectionsSeen;
    private bool _schemaVersionSeen;

    private InputParser(ReadOnlySpan<byte> utf8Json)
    {
        _reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
    }

    public static InputReadResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            // Editors on Windows often save UTF-8 with a byte-order mark; it is not content.
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.IsEmpty || utf8Json.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return Failure(InputMessages.Empty);
        }

        var parser = new InputParser(utf8Json);
        try
        {
            parser.ReadDocument();
        }
        catch (JsonException e)
        {
            return Failure(InputMessages.NotJson(e.LineNumber ?? 0, e.BytePositionInLine ?? 0));
        }
        catch (InvalidOperationException)
        {
            // The reader transcodes text lazily and throws this for invalid UTF-8 or lone surrogates.
            return Failure(InputMessages.InvalidUtf8);
        }

        return parser._errors.HasErrors
            ? new InputReadResult(null, parser._errors.ToList())
            : new InputReadResult(InputModel.Build(in parser._slots), []);
    }

    private static InputReadResult Failure(string message) => new(null, [new ValidationError(InputMessages.RootPath, message)]);

    private void ReadDocument()
    {
        _reader.Read();
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            _errors.Add(InputMessages.RootPath, InputMessages.NotAnObject(Describe()));
            _reader.Skip();
            while (_reader.Read())
            {
                // Reading on makes trailing garbage a syntax error rather than silently ignored.
            }

            return;
        }

        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadRootProperty();
        }

        // Anything after the root object is a syntax error; Read throws on it.
        while (_reader.Read())
        {
        }

        CheckRootComplete();
    }

    private void ReadRootProperty()
    {
        if (_reader.ValueTextEquals(InputSchema.SchemaVersionName))
        {
            ReadSchemaVersion();
            return;
        }

        foreach (var field in InputSchema.RootFields)
        {
            if (_reader.ValueTextEquals(field.Utf8Name))
            {
                ReadFieldOnce(field.Field);
                return;
            }
        }

        var sections = InputSchema.Sections;
        for (var i = 0; i < sections.Length; i++)
        {
            if (_reader.ValueTextEquals(sections[i].Utf8Name))
            {
                ReadSection(i);
                return;
            }
        }

        _errors.Add(InputMessages.Quote(CurrentText()), InputMessages.UnknownProperty(InputSchema.RootNames));
        _reader.Skip();
    }

    private void ReadSchemaVersion()
    {
        if (_schemaVersionSeen)
        {
            _errors.Add("schemaVersion", InputMessages.DuplicateProperty);
            _reader.Skip();
            return;
        }

        _schemaVersionSeen = true;
        _reader.Read();
        var version = _reader.TokenType == JsonTokenType.Number
            ? _reader.TryGetInt64(out var whole) ? whole : _reader.TryGetDouble(out var number) && number == Math.Floor(number) && Math.Abs(number) < 1e9 ? (long)number : -1
            : -1;
        if (version != AssessmentInput.SchemaVersion)
        {
            _errors.Add("schemaVersion", version == 1 ? InputMessages.SchemaVersionOne : InputMessages.SchemaVersion(Describe()));
            SkipContainer();
        }
    }

    private void ReadSection(int index)
    {
        var section = InputSchema.Sections[index];
        var bit = 1U << index;
        if ((_sectionsSeen & bit) != 0)
        {
            _errors.Add(section.Name, InputMessages.DuplicateProperty);
            _reader.Skip();
            return;
        }

        _sectionsSeen |= bit;
        _reader.Read();
        if (_reader.TokenType == JsonTokenType.Null)
        {
            _errors.Add(section.Name, InputMessages.SectionNull(section.Name, section.Required));
            return;
        }

        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            _errors.Add(section.Name, InputMessages.NotASection(Describe()));
            SkipContainer();
            return;
        }

        _slots.SectionsGiven |= bit;
        var next = 0;
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            next = ReadSectionProperty(section, next);
        }

        foreach (var field in section.Fields)
        {
            if (FieldIndex.Fields[field.Field].Required && !_slots.WasSeen(field.Field))
            {
                _errors.Add(FieldIndex.Fields[field.Field].Path, InputMessages.Missing(FieldIndex.Fields[field.Field]));
            }
        }
    }

    /// <summary>Reads one property of a section; returns where to start looking for the next one.</summary>
    /// <remarks>Documents usually list fields in schema order, so the search starts after the last match and mostly hits at once.</remarks>
    private int ReadSectionProperty(InputSchema.Section section, int start)
    {
        var fields = section.Fields;
        for (var n = 0; n < fields.Length; n++)
        {
            var i = start + n < fields.Length ? start + n : start + n - fields.Length;
            if (_reader.ValueTextEquals(fields[i].Utf8Name))
            {
                ReadFieldOnce(fields[i].Field);
                return i + 1 < fields.Length ? i + 1 : 0;
            }
        }

        _errors.Add(section.Name + "." + InputMessages.Quote(CurrentText()), InputMessages.UnknownProperty(section.AllowedNames));
        _reader.Skip();
        return start;
    }

    private void CheckRootComplete()
    {
        if (!_schemaVersionSeen)
        {
            _errors.Add("schemaVersion", InputMessages.SchemaVersionMissing);
        }

        foreach (var field in InputSchema.RootFields)
        {
            if (FieldIndex.Fields[field.Field].Required && !_slots.WasSeen(field.Field))
            {
                _errors.Add(field.Name, InputMessages.Missing(FieldIndex.Fields[field.Field]));
            }
        }

        for (var i = 0; i < InputSchema.Sections.Length; i++)
        {
            var section = InputSchema.Sections[i];
            if (section.Required && (_sectionsSeen & (1U << i)) == 0)
            {
                _errors.Add(section.Name, InputMessages.SectionMissing(section.Name));
            }
        }

        if (_slots.IsValid(FieldIndex.AssessedOn) && _slots.IsValid(FieldIndex.SurgeryDate))
        {
            FieldRules.CheckDateOrder(_slots.Date(FieldIndex.AssessedOn), _slots.Date(FieldIndex.SurgeryDate), ref _errors);
        }
    }

    /// <summary>The current property name as text, even when it is not valid UTF-8 (then with replacement characters).</summary>
    private readonly string CurrentText()
    {
        try
        {
            return _reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(_reader.ValueSpan);
        }
    }

    /// <summary>A short description of the current value for "but is ..." messages.</summary>
    private readonly string Describe() => _reader.TokenType switch
    {
        JsonTokenType.String => InputMessages.Describe(JsonTokenType.String, CurrentText()),
        JsonTokenType.Number => InputMessages.Describe(JsonTokenType.Number, Encoding.UTF8.GetString(_reader.ValueSpan)),
        _ => InputMessages.Describe(_reader.TokenType, null),
    };

    /// <summary>Moves past the current value when it is an object or a list.</summary>
    private void SkipContainer()
    {
        if (_reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _reader.Skip();
        }
    }
}
