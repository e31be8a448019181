using KneeSpine.Engine.Input;

namespace KneeSpine.Fhir.Tests.Support;

/// <summary>The spec examples' inputs as models.</summary>
internal static class Examples
{
    public static TheoryData<string> Names => [.. RepositorySpec.ExampleNames];

    public static AssessmentInput Input(string name)
    {
        var read = AssessmentInputReader.Read(RepositorySpec.ExampleInput(name));
        Assert.True(read.IsValid, $"Example {name} does not read: " + string.Join("; ", read.Errors));
        return read.Input!;
    }
}
