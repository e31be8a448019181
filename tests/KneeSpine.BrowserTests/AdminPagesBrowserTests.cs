using KneeSpine.BrowserTests.Infrastructure;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Patients;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests;

/// <summary>
/// The admin pages as an admin uses them in Chromium: the users list, disabling and enabling, unlocking, changing a
/// role, a one-time reset link, the audit trail and the tokens on the account page. Every page is checked with axe and
/// for sideways scrolling at 390 px and 1366 px, with a screenshot of each.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AdminPagesBrowserTests(BrowserApp app, Chromium chromium)
{
    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_signs_in_again_once_enabled()
    {
        await app.AddAccountAsync("disable-me@clinic.example", Roles.Clinician);
        var admin = await AdminPageAsync();

        await admin.GotoAsync(app.BaseUrl + "/admin/users");
        await admin.GetByRole(AriaRole.Link, new() { Name = "disable-me@clinic.example", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-status]")).ToHaveTextAsync("Active");
        await PageChecks.AtDeskAndPhoneWidthsAsync(admin, "admin-account");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable this account" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-status]")).ToContainTextAsync("Disabled");
        await PageChecks.AtDeskAndPhoneWidthsAsync(admin, "admin-account-disabled");

        var person = await Ui.NewPageAsync(chromium, 390, 844);
        await TrySignInAsync(person, "disable-me@clinic.example");
        await Assertions.Expect(person.Locator(".error-summary")).ToContainTextAsync("the account is disabled");
        Assert.Contains("/account/login", person.Url, StringComparison.Ordinal);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Enable this account" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-status]")).ToHaveTextAsync("Active");
        await Ui.SignInAsync(person, app, "disable-me@clinic.example", BrowserApp.Password);
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await person.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_unlocks_a_locked_account_and_changes_a_role()
    {
        await app.AddAccountAsync("locked@clinic.example", Roles.Clinician);
        // Identity's lockout reads the system clock, not the app's TimeProvider: lock well past both.
        await WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@clinic.example"))!, DateTimeOffset.UtcNow.AddYears(1)));
        var admin = await AdminPageAsync();

        await admin.GotoAsync(app.BaseUrl + "/admin/users");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row, new() { Name = "locked@clinic.example" })).ToContainTextAsync("Locked until");
        await admin.GetByRole(AriaRole.Link, new() { Name = "locked@clinic.example", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-status]")).ToContainTextAsync("Locked");
        await PageChecks.AtDeskAndPhoneWidthsAsync(admin, "admin-account-locked");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Unlock now" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-status]")).ToHaveTextAsync("Active");

        await admin.GetByLabel("Admin: manages accounts").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-role]")).ToHaveTextAsync(Roles.Admin);

        // Unlocked, and an admin now: the account signs in and reaches the admin pages.
        var person = await Ui.NewPageAsync(chromium, 1366, 900);
        await Ui.SignInAsync(person, app, "locked@clinic.example", BrowserApp.Password);
        var users = await person.GotoAsync(app.BaseUrl + "/admin/users");
        Assert.Equal(200, users!.Status);
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();

        await person.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reset_link_is_shown_once_sets_a_new_password_once_and_then_says_it_does_not_work()
    {
        await app.AddAccountAsync("forgot@clinic.example", Roles.Clinician);
        var admin = await AdminPageAsync();
        await admin.GotoAsync(app.BaseUrl + "/admin/users");
        await admin.GetByRole(AriaRole.Link, new() { Name = "forgot@clinic.example", Exact = true }).ClickAsync();
        var accountUrl = admin.Url;

        await admin.GetByRole(AriaRole.Button, new() { Name = "Make a reset link" }).ClickAsync();
        var link = (await admin.Locator("[data-reset-link]").TextContentAsync())!.Trim();
        Assert.StartsWith(app.BaseUrl + "/account/reset-password?", link, StringComparison.Ordinal);
        await PageChecks.AtDeskAndPhoneWidthsAsync(admin, "admin-reset-link");
        await admin.GotoAsync(accountUrl);
        await Assertions.Expect(admin.Locator("[data-reset-link]")).ToHaveCountAsync(0);

        var person = await Ui.NewPageAsync(chromium, 390, 844);
        await person.GotoAsync(link);
        await Assertions.Expect(person.Locator("label[for='Input_NewPassword'] .required-tag")).ToBeVisibleAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Assertions.Expect(person.Locator(".error-summary li")).ToHaveTextAsync(["Enter a new password."]);
        await Assertions.Expect(person.Locator(".field--error .error-message")).ToContainTextAsync("Enter a new password.");
        await PageChecks.AtDeskAndPhoneWidthsAsync(person, "account-reset-password-errors");
        await person.Locator("#Input_NewPassword").FillAsync("a brand new long password");
        await person.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync("Your new password is set");

        await person.GotoAsync(link);
        await person.Locator("#Input_NewPassword").FillAsync("yet another long password");
        await person.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Assertions.Expect(person.Locator("#link-broken")).ToContainTextAsync("This link does not work");
        await PageChecks.AtDeskAndPhoneWidthsAsync(person, "account-reset-link-used");
        await Ui.SignInAsync(person, app, "forgot@clinic.example", "a brand new long password");

        await person.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task The_audit_trail_names_the_patient_and_its_table_fits_a_desk()
    {
        var patient = await AddPatientAsync("Audrey Audit");
        var admin = await AdminPageAsync();
        await admin.GotoAsync(app.BaseUrl + $"/patients/{patient}");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Audrey Audit");

        await admin.GotoAsync(app.BaseUrl + "/admin/audit");
        var table = admin.Locator(".audit-table");
        await Assertions.Expect(table).ToContainTextAsync("Audrey Audit");
        await Assertions.Expect(table).ToContainTextAsync(patient.ToString());
        await PageChecks.AtDeskAndPhoneWidthsAsync(admin, "admin-audit");

        // At 1366 px the whole table is in view: its scroll region does not scroll, so no column is cut off.
        await admin.SetViewportSizeAsync(1366, 900);
        var region = await admin.Locator(".table-scroll").EvaluateAsync<int[]>("r => [r.scrollWidth, r.clientWidth]");
        Assert.True(region[0] <= region[1], $"the audit table is {region[0]}px wide in a {region[1]}px region");
        var rowHeights = await table.Locator("tbody tr").EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().height)");
        var median = rowHeights.Order().ElementAt(rowHeights.Length / 2);
        // Rows were about 170 px tall; a compact row is two or three lines.
        Assert.True(median <= 110, $"the median audit row is {median}px tall");

        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_each_account_is_a_card_with_its_role_and_state_and_a_way_to_manage_it()
    {
        var patient = await AddPatientAsync("Carla Card");
        await app.AddAccountAsync("card-patient@home.example", Roles.Patient, patient);
        await app.AddAccountAsync("card-disabled@clinic.example", Roles.Clinician);
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync("card-disabled@clinic.example"))!;
            user.DisabledAt = BrowserApp.Now;
            return await users.UpdateAsync(user);
        });
        var admin = await AdminPageAsync();
        await admin.GotoAsync(app.BaseUrl + "/admin/users");
        await PageChecks.AtDeskAndPhoneWidthsAsync(admin, "admin-users");

        // At a desk it stays a table: one row per account, the column headers in view.
        await admin.SetViewportSizeAsync(1366, 900);
        await Assertions.Expect(admin.Locator(".users-table thead")).ToBeVisibleAsync();
        Assert.Equal("table-row", await admin.Locator(".users-table tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));

        await admin.SetViewportSizeAsync(390, 844);
        // The list used to scroll sideways inside its own box: now neither the page nor the box does.
        var region = await admin.Locator(".table-scroll").EvaluateAsync<int[]>("r => [r.scrollWidth, r.clientWidth]");
        Assert.True(region[0] <= region[1], $"the users list is {region[0]}px wide in a {region[1]}px box");
        foreach (var (email, role, state) in new[]
        {
            ("card-patient@home.example", "patient", "Active"),
            ("card-disabled@clinic.example", "clinician", "Disabled since"),
            (BrowserApp.AdminEmail, "admin", "Active"),
        })
        {
            var card = admin.Locator($"tr[data-account='{email}']");
            await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = email, Exact = true })).ToBeInViewportAsync(new() { Ratio = 0 });
            await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = email, Exact = true })).ToBeVisibleAsync();
            // The label is drawn from the cell's data-label, so it is part of what the cell reads as.
            await Assertions.Expect(card.Locator("[data-role]")).ToHaveAccessibleNameAsync("Role: " + role);
            await Assertions.Expect(card.Locator("[data-role]")).ToBeVisibleAsync();
            await Assertions.Expect(card.Locator("[data-status]")).ToContainTextAsync(state);
            var manage = card.GetByRole(AriaRole.Link, new() { Name = "Manage the account " + email });
            await Assertions.Expect(manage).ToBeVisibleAsync();
            // Every part of the card lies inside the window's width.
            var right = await card.EvaluateAsync<double>("c => Math.max(...[...c.querySelectorAll('*')].map(e => e.getBoundingClientRect().right))");
            Assert.True(right <= 390, $"{email}'s card reaches {right}px in a 390px window");
        }

        await Assertions.Expect(admin.Locator("tr[data-account='card-patient@home.example'] td[data-label='Linked patient']")).ToHaveAccessibleNameAsync("Linked patient: Carla Card");
        await admin.Locator("tr[data-account='card-disabled@clinic.example']").GetByRole(AriaRole.Link, new() { Name = "Manage the account card-disabled@clinic.example" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Enable this account" })).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_audit_trail_is_short_cards_with_folded_filters_and_pages_that_work_without_script()
    {
        var patient = await AddPatientAsync("Petra Pager");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<AuditWriter>();
            for (var i = 0; i < 30; i++)
            {
                await writer.WriteAsync(
                    new AuditEvent
                    {
                        OccurredAt = BrowserApp.Now.AddMinutes(-i),
                        Action = AuditAction.PatientRead,
                        Outcome = AuditOutcome.Success,
                        StatusCode = 200,
                        UserName = "pager@clinic.example",
                        Role = Roles.Clinician,
                        PatientId = patient,
                        Resource = "GET /patients/{id}",
                        RemoteAddress = "192.0.2.10",
                        UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
                    },
                    TestContext.Current.CancellationToken);
            }
        }

        var phone = await Ui.NewPageAsync(chromium, 390, 844);
        await Ui.SignInAsync(phone, app, BrowserApp.AdminEmail, BrowserApp.Password);
        await phone.GotoAsync(app.BaseUrl + "/admin/audit?user=pager%40clinic.example");

        // Filters are in use, so the panel is open and says which.
        await Assertions.Expect(phone.Locator(".filter-panel > summary")).ToContainTextAsync("pager@clinic.example");
        await Assertions.Expect(phone.GetByLabel("Action", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".audit-table tbody tr")).ToHaveCountAsync(25);
        await Assertions.Expect(phone.Locator(".audit-table tbody tr").First.Locator("td[data-label='Patient']")).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^Patient: Petra Pager"));
        await PageChecks.AtDeskAndPhoneWidthsAsync(phone, "admin-audit-filtered");

        // No filter: folded behind one line.
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(app.BaseUrl + "/admin/audit");
        await Assertions.Expect(phone.Locator(".filter-panel > summary")).ToContainTextAsync("Showing every event");
        await Assertions.Expect(phone.GetByLabel("Action", new() { Exact = true })).ToBeHiddenAsync();
        await PageChecks.NoHorizontalOverflowAsync(phone);
        await PageChecks.NoSeriousAccessibilityViolationsAsync(phone);
        await Screenshots.SaveAsync(phone, "admin-audit-folded-390");

        var cards = phone.Locator(".audit-table tbody tr");
        await Assertions.Expect(cards).ToHaveCountAsync(25);
        var heights = await cards.EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().height)");
        var median = heights.Order().ElementAt(heights.Length / 2);
        var pageHeight = await phone.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        TestContext.Current.SendDiagnosticMessage($"audit page at 390 px: {pageHeight}px tall, median card {median}px");
        // A row was a 40rem-wide table row scrolled sideways in its box, about 170 px tall; a short card is a few lines.
        Assert.True(median <= 150, $"the median audit card is {median}px tall");
        Assert.True(pageHeight <= (25 * 150) + 1500, $"the audit page is {pageHeight}px tall at 390 px");

        // A desk shows the filters without the fold, and the events as a table.
        await phone.SetViewportSizeAsync(1366, 900);
        await Assertions.Expect(phone.GetByLabel("Action", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".filter-panel > summary")).ToBeHiddenAsync();
        await Assertions.Expect(phone.Locator(".audit-table thead")).ToBeVisibleAsync();
        await phone.Context.CloseAsync();

        // Without script: the fold opens and closes, and the next page is a plain link that keeps the filter.
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var bare = await context.NewPageAsync();
        bare.SetDefaultTimeout(120_000);
        await Ui.SignInAsync(bare, app, BrowserApp.AdminEmail, BrowserApp.Password);
        await bare.GotoAsync(app.BaseUrl + "/admin/audit");
        await Assertions.Expect(bare.GetByLabel("Action", new() { Exact = true })).ToBeHiddenAsync();
        await bare.Locator(".filter-panel > summary").ClickAsync();
        await Assertions.Expect(bare.GetByLabel("Action", new() { Exact = true })).ToBeVisibleAsync();
        await bare.Locator(".filter-panel > summary").ClickAsync();
        await Assertions.Expect(bare.GetByLabel("Action", new() { Exact = true })).ToBeHiddenAsync();
        await bare.GotoAsync(app.BaseUrl + "/admin/audit?user=pager%40clinic.example");
        await bare.GetByRole(AriaRole.Link, new() { Name = "Older events" }).ClickAsync();
        await Assertions.Expect(bare.Locator(".audit-table caption")).ToContainTextAsync("Events 26 to 30");
        await Assertions.Expect(bare.GetByRole(AriaRole.Link, new() { Name = "Newer events" })).ToBeVisibleAsync();
        await Assertions.Expect(bare.GetByRole(AriaRole.Link, new() { Name = "Older events" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(bare, "admin-audit-page-2-390");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Tokens_made_on_the_account_page_last_90_days_and_patients_are_not_offered_any()
    {
        await app.AddAccountAsync("tokens@clinic.example", Roles.Clinician);
        var patient = await AddPatientAsync("Tom Token");
        await app.AddAccountAsync("tom@home.example", Roles.Patient, patient);

        var page = await Ui.NewPageAsync(chromium, 1366, 900);
        await Ui.SignInAsync(page, app, "tokens@clinic.example", BrowserApp.Password);
        await page.GotoAsync(app.BaseUrl + "/account");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("A token works for 90 days.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".field--error .error-message")).ToContainTextAsync("Enter a token name");
        await page.GetByLabel("Token name").FillAsync("ward laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-token]")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "ward laptop" });
        var expires = BrowserApp.Now.AddDays(90);
        await Assertions.Expect(row.Locator("td").Nth(2)).ToContainTextAsync(expires.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await PageChecks.AtDeskAndPhoneWidthsAsync(page, "account-tokens");
        await page.Context.CloseAsync();

        var patientPage = await Ui.NewPageAsync(chromium, 390, 844);
        await Ui.SignInAsync(patientPage, app, "tom@home.example", BrowserApp.Password);
        await patientPage.GotoAsync(app.BaseUrl + "/account");
        await Assertions.Expect(patientPage.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(patientPage.GetByRole(AriaRole.Button, new() { Name = "Create token" })).ToHaveCountAsync(0);
        await Assertions.Expect(patientPage.GetByText("Personal access tokens")).ToHaveCountAsync(0);
        await PageChecks.AtDeskAndPhoneWidthsAsync(patientPage, "account-patient");
        await patientPage.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_and_change_password_forms_list_every_problem_at_once_and_mark_what_is_required()
    {
        var page = await Ui.NewPageAsync(chromium, 390, 844);
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await Assertions.Expect(page.Locator("main .required-tag")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveTextAsync(["Enter your email address.", "Enter your password."]);
        await Assertions.Expect(page.Locator(".field--error .error-message")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".error-summary a").First).ToHaveAttributeAsync("href", "#Input_Email");
        await PageChecks.AtDeskAndPhoneWidthsAsync(page, "account-login-errors");

        await app.AddAccountAsync("password@clinic.example", Roles.Clinician);
        await Ui.SignInAsync(page, app, "password@clinic.example", BrowserApp.Password);
        await page.GotoAsync(app.BaseUrl + "/account/change-password");
        await Assertions.Expect(page.Locator("main .required-tag")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveTextAsync(["Enter your current password.", "Enter a new password."]);
        await Assertions.Expect(page.Locator(".field--error .error-message")).ToHaveCountAsync(2);
        await PageChecks.AtDeskAndPhoneWidthsAsync(page, "account-change-password-errors");

        // A wrong current password and a too-short new one: both in one answer.
        await page.Locator("#Input_CurrentPassword").FillAsync("not my password at all");
        await page.Locator("#Input_NewPassword").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The current password is not correct.");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> AdminPageAsync()
    {
        var page = await Ui.NewPageAsync(chromium, 1366, 900);
        await Ui.SignInAsync(page, app, BrowserApp.AdminEmail, BrowserApp.Password);
        return page;
    }

    /// <summary>Sends the sign-in form and waits for the answer, whether it signs in or not.</summary>
    private async Task TrySignInAsync(IPage page, string email)
    {
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(BrowserApp.Password);
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.Ordinal));
    }

    private async Task WithUsersAsync(Func<UserManager<KneeSpineUser>, Task<IdentityResult>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await action(scope.ServiceProvider.GetRequiredService<UserManager<KneeSpineUser>>())).Succeeded);
    }

    private async Task<Guid> AddPatientAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>()
            .CreateAsync(new CreatePatientRequest(name, new DateOnly(1951, 4, 5), "female"), "browser-test", TestContext.Current.CancellationToken);
        return patient.Id;
    }
}
