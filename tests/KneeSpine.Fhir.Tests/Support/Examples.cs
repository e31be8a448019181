using KneeSpine.Engine.Input;

namespace KneeSpine.Fhir.Tests.Support;

/// <summary>The shared spec's example inputs as models.</summary>
internal static class Examples
{
    public static TheoryData<string> Names => [.. SharedSpec.ExampleNames];

    public static AssessmentInput Input(string name)
    {
        var read = AssessmentInputReader.Read(SharedSpec.ExampleInput(name));
        Assert.True(read.IsValid, $"Example {name} does not read: " + string.Join("; ", read.Errors));
        return read.Input!;
    }
}
