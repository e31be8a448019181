using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Patients;
using KneeSpine.Web.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Tests.Accounts;

public sealed class UserAndTokenCommandTests
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task User_add_takes_the_password_from_standard_input_and_token_create_prints_only_a_working_token()
    {
        using var data = new TempDataDirectory();

        var added = await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", "dr.who@example.org", "--role", "clinician", "--data", data.Path);
        var token = await CliRun.RunAsync("token", "create", "--user", "dr.who@example.org", "--data", data.Path);

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("dr.who@example.org", added.Output, StringComparison.Ordinal);
        Assert.Equal(0, token.ExitCode);
        var lines = token.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var printed = Assert.Single(lines);
        Assert.StartsWith(PersonalAccessTokens.TokenPrefix, printed, StringComparison.Ordinal);
        Assert.Contains("expires", token.Error, StringComparison.Ordinal);

        await using var app = await CliServices.OpenAsync(data.Path, TestContext.Current.CancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var owner = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().FindUserAsync(printed, TestContext.Current.CancellationToken);
        Assert.Equal("dr.who@example.org", owner?.Email);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KneeSpineUser>>();
        Assert.True(await users.CheckPasswordAsync(owner!, Password));
        Assert.True(await users.IsInRoleAsync(owner!, Roles.Clinician));
    }

    [Fact]
    public async Task Patient_account_is_linked_to_the_named_patient()
    {
        using var data = new TempDataDirectory();
        Guid patientId;
        await using (var app = await CliServices.OpenAsync(data.Path, TestContext.Current.CancellationToken))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var patient = await scope.ServiceProvider.GetRequiredService<PatientService>()
                .CreateAsync(new CreatePatientRequest("Linked Patient", new DateOnly(1950, 1, 2), "female"), "test", TestContext.Current.CancellationToken);
            patientId = patient.Id;
        }

        var added = await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", "pat@example.org", "--role", "patient", "--patient", patientId.ToString(), "--data", data.Path);

        Assert.Equal(0, added.ExitCode);
        await using var reopened = await CliServices.OpenAsync(data.Path, TestContext.Current.CancellationToken);
        await using var check = reopened.Services.CreateAsyncScope();
        var user = await check.ServiceProvider.GetRequiredService<UserManager<KneeSpineUser>>().FindByEmailAsync("pat@example.org");
        Assert.Equal(patientId, user?.PatientId);
    }

    [Theory]
    [InlineData("patient", null, "--patient")]
    [InlineData("clinician", "00000000-0000-0000-0000-000000000001", "Only a patient account")]
    [InlineData("patient", "00000000-0000-0000-0000-000000000001", "No patient")]
    public async Task Patient_link_rules_are_enforced_with_exit_code_2(string role, string? patient, string message)
    {
        using var data = new TempDataDirectory();
        string[] args = ["user", "add", "--email", "x@example.org", "--role", role, "--data", data.Path];
        if (patient is not null)
        {
            args = [.. args, "--patient", patient];
        }

        var run = await CliRun.RunWithInputAsync(Password + "\n", args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace);
    }

    [Fact]
    public async Task Unknown_role_is_refused_before_anything_is_stored()
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", "x@example.org", "--role", "superuser", "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("superuser", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data.Path, "kneespine.db")));
    }

    [Theory]
    [InlineData("", "no password")]
    [InlineData("short\n", "at least 12")]
    public async Task Missing_or_weak_password_exits_2_with_the_reason(string standardInput, string message)
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunWithInputAsync(standardInput, "user", "add", "--email", "x@example.org", "--role", "admin", "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace);
    }

    [Fact]
    public async Task Token_for_an_unknown_account_exits_2_and_prints_no_token()
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("token", "create", "--user", "nobody@example.org", "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("nobody@example.org", run.Error, StringComparison.Ordinal);
    }
}
