using KneeSpine.Web.Smart;

namespace KneeSpine.Web.Tests.Smart;

public sealed class SmartOptionsTests
{
    [Theory]
    [InlineData("https://ehr.example/fhir/Practitioner/123", "123@hospital.example")]
    [InlineData("Practitioner/abc", "abc@hospital.example")]
    [InlineData("https://ehr.example/fhir/Patient/123", null)]
    [InlineData("Practitioner/", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_user_mapping_turns_a_practitioner_reference_into_an_account_name(string? fhirUser, string? account)
    {
        var mapping = new SmartUserMapping { Template = "{id}@hospital.example" };

        Assert.Equal(account, mapping.AccountFor(fhirUser));
    }

    [Fact]
    public void A_complete_entry_with_a_client_secret_is_valid()
    {
        Assert.True(Validate(Ehr()).Succeeded);
    }

    [Fact]
    public void An_entry_needs_exactly_one_of_secret_and_key_and_names_the_setting()
    {
        var both = Ehr();
        both.PrivateKeyPath = "/etc/kneespine/key.pem";
        var neither = Ehr();
        neither.ClientSecret = null;

        Assert.Contains("KneeSpine:Smart:Ehrs:0: set exactly one of ClientSecret and PrivateKeyPath.", Validate(both).Failures!);
        Assert.Contains("KneeSpine:Smart:Ehrs:0: set exactly one of ClientSecret and PrivateKeyPath.", Validate(neither).Failures!);
    }

    [Fact]
    public void Plain_http_issuers_are_refused_unless_on_loopback()
    {
        var remote = Ehr();
        remote.Issuer = new Uri("http://ehr.example/fhir");
        var local = Ehr();
        local.Issuer = new Uri("http://127.0.0.1:8080/fhir");

        Assert.Contains(Validate(remote).Failures!, f => f.StartsWith("KneeSpine:Smart:Ehrs:0:Issuer", StringComparison.Ordinal));
        Assert.True(Validate(local).Succeeded);
    }

    [Fact]
    public void A_missing_key_file_and_a_template_without_id_are_named()
    {
        var ehr = Ehr();
        ehr.ClientSecret = null;
        ehr.PrivateKeyPath = Path.Combine(Path.GetTempPath(), "no-such-kneespine-key.pem");
        ehr.UserMapping.Template = "someone@hospital.example";

        var failures = Validate(ehr).Failures!;

        Assert.Contains(failures, f => f.StartsWith("KneeSpine:Smart:Ehrs:0:PrivateKeyPath", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("KneeSpine:Smart:Ehrs:0:UserMapping:Template", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_issuer_twice_is_refused_and_lookups_ignore_a_trailing_slash()
    {
        var options = new SmartOptions();
        options.Ehrs.Add(Ehr());
        options.Ehrs.Add(Ehr());

        Assert.Contains(new SmartOptionsValidation().Validate(null, options).Failures!, f => f.Contains("twice", StringComparison.Ordinal));
        Assert.Same(options.Ehrs[0], options.Find("https://ehr.example/fhir/"));
        Assert.Null(options.Find("https://other.example/fhir"));
    }

    private static SmartEhrOptions Ehr() => new()
    {
        Issuer = new Uri("https://ehr.example/fhir"),
        ClientId = "kneespine",
        ClientSecret = "secret",
        UserMapping = new SmartUserMapping { Template = "{id}@hospital.example" },
    };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SmartEhrOptions ehr)
    {
        var options = new SmartOptions();
        options.Ehrs.Add(ehr);
        return new SmartOptionsValidation().Validate(null, options);
    }
}
