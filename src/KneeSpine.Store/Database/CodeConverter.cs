using KneeSpine.Engine.Codes;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KneeSpine.Store.Database;

/// <summary>Stores code enums as the specification's kebab-case codes, so the database reads like the API.</summary>
internal sealed class CodeConverter<TCode>() : ValueConverter<TCode, string>(v => Code<TCode>.ToCode(v), v => Parse(v))
    where TCode : struct, Enum
{
    private static TCode Parse(string code) =>
        Code<TCode>.TryParse(code, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(TCode).Name} code '{code}' in the database.");
}
