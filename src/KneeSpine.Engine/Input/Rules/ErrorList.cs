namespace KneeSpine.Engine.Input;

/// <summary>Collects validation errors; allocates nothing until the first error, so valid input costs nothing.</summary>
internal struct ErrorList
{
    private List<ValidationError>? _errors;

    public readonly bool HasErrors => _errors is { Count: > 0 };

    public readonly int Count => _errors?.Count ?? 0;

    public void Add(string path, string message) => (_errors ??= []).Add(new ValidationError(path, message));

    public readonly IReadOnlyList<ValidationError> ToList() => _errors ?? (IReadOnlyList<ValidationError>)[];
}
