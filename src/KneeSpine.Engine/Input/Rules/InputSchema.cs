using System.Text;

namespace KneeSpine.Engine.Input;

/// <summary>
/// The shape of the input document, derived once from <see cref="InputFields"/>: the top-level
/// names, the fields of each section and the UTF-8 bytes of every name and code, so the reader
/// matches names and codes by comparing bytes.
/// </summary>
internal static class InputSchema
{
    public static readonly byte[] SchemaVersionName = "schemaVersion"u8.ToArray();

    /// <summary>Fields that sit directly on the root (<c>assessedOn</c>, <c>conditions</c>).</summary>
    public static readonly NamedField[] RootFields =
        [.. Enumerable.Range(0, FieldIndex.Count).Where(i => !FieldIndex.Fields[i].Path.Contains('.', StringComparison.Ordinal)).Select(i => new NamedField(FieldIndex.Fields[i].Path, i))];

    /// <summary>The object sections, in schema order (the order <see cref="AssessmentInputJson"/> writes them).</summary>
    public static readonly Section[] Sections = BuildSections();

    /// <summary>Index in <see cref="Sections"/> of <c>redFlags</c>.</summary>
    public static readonly int RedFlagsSection = Array.FindIndex(Sections, s => s.Name == "redFlags");

    /// <summary>The bit of a section in <see cref="InputSlots.SectionsGiven"/>.</summary>
    public static uint SectionBit(string name) => 1U << Array.FindIndex(Sections, s => s.Name == name);

    /// <summary>The known names at the root, for the unknown-property message.</summary>
    public static readonly string RootNames =
        string.Join(", ", new[] { "schemaVersion" }.Concat(RootFields.Select(f => f.Name)).Concat(Sections.Select(s => s.Name)));

    /// <summary>UTF-8 bytes of each field's codes, by field index (empty for fields without codes).</summary>
    public static readonly byte[][][] Codes =
        [.. InputFields.All.Select(f => f.Codes.Count <= CodeList.Capacity ? f.Codes.Select(Encoding.UTF8.GetBytes).ToArray() : throw new InvalidOperationException($"Too many codes for {f.Path}"))];

    private static Section[] BuildSections()
    {
        // Schema order: the catalogue lists red flags first, but documents list them last.
        var names = InputFields.All.Where(f => f.Path.Contains('.', StringComparison.Ordinal)).Select(f => f.Section).Distinct(StringComparer.Ordinal)
            .OrderBy(s => s == "redFlags" ? 1 : 0).ToArray();
        return
        [
            .. names.Select(name =>
            {
                var fields = Enumerable.Range(0, FieldIndex.Count).Where(i => FieldIndex.Fields[i].Section == name && FieldIndex.Fields[i].Path.Contains('.', StringComparison.Ordinal))
                    .Select(i => new NamedField(FieldIndex.Fields[i].Path[(name.Length + 1)..], i)).ToArray();
                return new Section(name, fields);
            }),
        ];
    }

    /// <summary>A property name with the catalogue field it holds.</summary>
    internal sealed class NamedField(string name, int field)
    {
        public string Name { get; } = name;

        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

        public int Field { get; } = field;
    }

    /// <summary>A top-level object (<c>patient</c>, <c>redFlags</c>...) and its fields.</summary>
    internal sealed class Section(string name, NamedField[] fields)
    {
        public string Name { get; } = name;

        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

        public NamedField[] Fields { get; } = fields;

        /// <summary>A section is required when it holds a required field (the schema's root "required" list).</summary>
        public bool Required { get; } = fields.Any(f => FieldIndex.Fields[f.Field].Required);

        public string AllowedNames { get; } = string.Join(", ", fields.Select(f => f.Name));
    }
}
