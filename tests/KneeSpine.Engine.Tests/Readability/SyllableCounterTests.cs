namespace KneeSpine.Engine.Tests.Readability;

/// <summary>The syllable counter of the readability test, held to dictionary syllable counts.</summary>
public sealed class SyllableCounterTests
{
    /// <summary>
    /// Words with their syllable counts as a dictionary divides them (Merriam-Webster), chosen from the
    /// patient texts, including the long and medical words they use outside brackets.
    /// </summary>
    public static TheoryData<string, int> Words => new()
    {
        { "a", 1 }, { "the", 1 }, { "knee", 1 }, { "back", 1 }, { "pain", 1 }, { "spine", 1 }, { "stool", 1 }, { "chills", 1 },
        { "wound", 1 }, { "calf", 1 }, { "weigh", 1 }, { "breath", 1 }, { "breathe", 1 }, { "worse", 1 }, { "whole", 1 },
        { "true", 1 }, { "sure", 1 }, { "bones", 1 }, { "times", 1 }, { "used", 1 }, { "tired", 1 }, { "caused", 1 },
        { "coughed", 1 }, { "toes", 1 }, { "shoes", 1 }, { "knees", 1 }, { "months", 1 }, { "through", 1 }, { "there", 1 },
        { "before", 2 }, { "because", 2 }, { "needed", 2 }, { "fainted", 2 }, { "agreed", 2 }, { "table", 2 }, { "simple", 2 },
        { "surgeon", 2 }, { "bladder", 2 }, { "bowels", 2 }, { "numbness", 2 }, { "tingling", 2 }, { "steroid", 2 },
        { "tablets", 2 }, { "pressure", 2 }, { "swollen", 2 }, { "swelling", 2 }, { "treatment", 2 }, { "doctor", 2 },
        { "minutes", 2 }, { "changes", 2 }, { "causes", 2 }, { "immune", 2 }, { "urine", 2 }, { "quiet", 2 }, { "diet", 2 },
        { "likely", 2 }, { "safely", 2 }, { "careful", 2 }, { "movement", 2 }, { "going", 2 }, { "being", 2 }, { "trying", 2 },
        { "worry", 2 }, { "belly", 2 }, { "tummy", 2 }, { "healing", 2 }, { "shaking", 2 }, { "leaking", 2 }, { "replaced", 2 },
        { "nervous", 2 }, { "problem", 2 }, { "normal", 2 }, { "prevent", 2 }, { "shortness", 2 }, { "people", 2 }, { "every", 2 },
        { "evening", 2 }, { "patient", 2 }, { "question", 2 }, { "guess", 1 }, { "agree", 2 }, { "wounded", 2 }, { "pharmacy", 3 },
        { "anyone", 3 }, { "everyone", 3 }, { "someone", 2 },
        { "injection", 3 }, { "infection", 3 }, { "ambulance", 3 }, { "department", 3 }, { "physical", 3 }, { "therapist", 3 },
        { "pharmacist", 3 }, { "medicine", 3 }, { "genitals", 3 }, { "replacement", 3 }, { "position", 3 }, { "suddenly", 3 },
        { "injury", 3 }, { "exercise", 3 }, { "hospital", 3 }, { "depression", 3 }, { "serious", 3 }, { "radio", 3 },
        { "video", 3 }, { "media", 3 }, { "period", 3 }, { "disagree", 3 }, { "several", 3 }, { "different", 3 }, { "area", 3 },
        { "anaesthetic", 4 }, { "anaesthetics", 4 }, { "emergency", 4 }, { "operation", 4 }, { "temperature", 4 }, { "diabetes", 4 },
        { "exercises", 4 }, { "recovery", 4 }, { "usually", 4 }, { "anxiety", 4 }, { "centimetres", 4 }, { "continuing", 4 },
        { "epidural", 4 }, { "kilograms", 3 }, { "osteoporosis", 6 }, { "immunosuppression", 6 }, { "neuropathy", 4 },
        { "management", 3 }, { "condition", 3 }, { "conditions", 3 }, { "ordinary", 4 }, { "spinal", 2 }, { "thinner", 2 },
        { "clots", 1 }, { "dizzy", 2 }, { "sweaty", 2 }, { "fever", 2 }, { "lifted", 2 }, { "spreading", 2 }, { "guard", 1 },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Counts_the_dictionary_syllables_of_each_word(string word, int syllables) =>
        Assert.Equal(syllables, SyllableCounter.Count(word));

    [Theory]
    [InlineData("Knee,", 1)]
    [InlineData("(spinal)", 2)]
    [InlineData("EMERGENCY", 4)]
    [InlineData("—", 0)]
    public void Ignores_punctuation_and_case(string word, int syllables) =>
        Assert.Equal(syllables, SyllableCounter.Count(word));

    [Fact]
    public void Grade_follows_the_formula_of_the_specification()
    {
        // 12 words, 2 sentences, 15 syllables ("emergency" has 4): 0.39 × 6 + 11.8 × 15/12 − 15.59.
        const string text = "Call an emergency team now. Do not wait if you feel bad.";

        Assert.Equal(12, FleschKincaid.Words(text).Length);
        Assert.Equal(2, FleschKincaid.Sentences(text));
        Assert.Equal(15, FleschKincaid.Words(text).Sum(FleschKincaid.Syllables));
        Assert.Equal((0.39 * 6) + (11.8 * 15 / 12) - 15.59, FleschKincaid.Grade(text)!.Value, 10);
    }

    [Fact]
    public void Brackets_and_medicine_names_are_left_out_and_short_blocks_get_no_grade()
    {
        Assert.Equal(["Take", "pills", "such", "as"], FleschKincaid.Words("Take pills (NSAID) such as ibuprofen."));
        Assert.Null(FleschKincaid.Grade("Thin, weak bones (osteoporosis)"));
        Assert.Equal(1, FleschKincaid.Sentences("A temperature of 38.5 is high."));
    }
}
