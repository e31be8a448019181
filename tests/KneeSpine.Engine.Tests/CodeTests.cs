using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests;

public sealed class CodeTests
{
    [Fact]
    public void Multi_word_members_map_to_kebab_case_codes_and_back()
    {
        Assert.Equal("combined-spinal-epidural", Code<Anesthesia>.ToCode(Anesthesia.CombinedSpinalEpidural));
        Assert.True(Code<Condition>.TryParse("lumbar-spinal-stenosis", out var condition));
        Assert.Equal(Condition.LumbarSpinalStenosis, condition);
    }

    [Fact]
    public void Codes_are_case_sensitive_and_unknown_codes_are_rejected()
    {
        Assert.False(Code<Anesthesia>.TryParse("Spinal", out _));
        Assert.False(Code<Anesthesia>.TryParse("sedation", out _));
    }
}
