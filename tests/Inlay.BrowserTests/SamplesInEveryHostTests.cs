using System.Globalization;
using System.Text.RegularExpressions;

namespace Inlay.BrowserTests;

/// <summary>
/// Every sample's widget in every host profile, light and dark: it renders with no console errors and takes the host's
/// colours and font. MCP Apps hosts and Claude send style variables (the dev host's sets, shown in its Host tab), and
/// the widget element's computed colour is the one sent; ChatGPT sends only its theme, and the colour is the palette
/// <c>@inlay/view</c> derives from it. Claude is played with its declared CSP origins applied (as documented): the
/// samples load their scripts from the app, which Claude as reported does not allow (the last test).
/// </summary>
public sealed partial class SamplesInEveryHostTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A sample, the call that shows its widget, and an element painted with a host colour.</summary>
    private sealed record Sample(string Name, string Tool, Dictionary<string, string> Arguments, string Ready, string Element, string Variable, string DarkElement, string DarkAttribute, string DarkValue);

    private static readonly Dictionary<string, Sample> Samples = new()
    {
        ["Hello"] = new("Hello", "greet_user", new() { ["name"] = "Ada" }, "[data-testid=message]", "section", "--color-background-secondary", "html", "class", "dark"),
        ["Content"] = new("Content", "show_content", new() { ["name"] = "app-pages" }, "main h1", "body", "--color-background-primary", "body", "data-theme", "dark"),
        ["Board"] = new("Board", "show_board", [], "[data-column=doing]", "[data-column=doing]", "--color-background-secondary", "html", "class", "dark"),
    };

    /// <summary>ChatGPT's palette in <c>@inlay/view</c> (web/view/src/host-styles.ts), [light, dark].</summary>
    private static readonly Dictionary<string, string[]> ChatGptPalette = new()
    {
        ["--color-background-primary"] = ["#ffffff", "#212121"],
        ["--color-background-secondary"] = ["#f9f9f9", "#181818"],
    };

    private static readonly Dictionary<DevHostMode, string> Fonts = new()
    {
        [DevHostMode.McpApps] = "\"Inlay Host Sans\"",
        [DevHostMode.Claude] = "\"Inlay Claude Sans\"",
        [DevHostMode.ChatGpt] = "ui-sans-serif",
    };

    [Theory]
    [InlineData("Hello", DevHostMode.McpApps)]
    [InlineData("Hello", DevHostMode.ChatGpt)]
    [InlineData("Hello", DevHostMode.Claude)]
    [InlineData("Content", DevHostMode.McpApps)]
    [InlineData("Content", DevHostMode.ChatGpt)]
    [InlineData("Content", DevHostMode.Claude)]
    [InlineData("Board", DevHostMode.McpApps)]
    [InlineData("Board", DevHostMode.ChatGpt)]
    [InlineData("Board", DevHostMode.Claude)]
    public async Task The_widget_renders_in_the_host_light_and_dark_in_the_host_colours(string name, DevHostMode mode)
    {
        var sample = Samples[name];
        var data = Directory.CreateTempSubdirectory("inlay-hosts-").FullName;
        try
        {
            // Board without sign-in: no Auth:Authority, one anonymous board on its own database.
            await using var app = await SampleServer.StartAsync(name, new Dictionary<string, string> { ["Board__SqlitePath"] = Path.Combine(data, "board.db") });
            await using var host = await browser.Browser.OpenAsync(app.BaseAddress, mode);
            if (mode == DevHostMode.Claude) await host.SetDeclaredCspOriginsAppliedAsync(true);
            await host.CallToolAsync(sample.Tool, sample.Arguments);
            var widget = host.Widget;
            await widget.Locator(sample.Ready).First.WaitForAsync();
            var element = widget.Locator(sample.Element).First;
            var shot = $"hosts-{name.ToLowerInvariant()}-{DevHostPage.HostId(mode)}";

            var light = await ExpectedColourAsync(host, mode, sample.Variable, "light");
            await Assertions.Expect(element).ToHaveCSSAsync("background-color", Rgb(light));
            await Assertions.Expect(element).ToHaveCSSAsync("font-family", new Regex("^" + Regex.Escape(Fonts[mode])));
            await host.ScreenshotAsync(shot + "-light");

            await host.SetThemeAsync("dark");
            var darkMarker = widget.Locator(sample.DarkElement).First;
            if (sample.DarkAttribute == "class") await Assertions.Expect(darkMarker).ToHaveClassAsync(new Regex(sample.DarkValue));
            else await Assertions.Expect(darkMarker).ToHaveAttributeAsync(sample.DarkAttribute, sample.DarkValue);
            var dark = await ExpectedColourAsync(host, mode, sample.Variable, "dark");
            Assert.NotEqual(light, dark);
            await Assertions.Expect(element).ToHaveCSSAsync("background-color", Rgb(dark));
            await Assertions.Expect(element).ToHaveCSSAsync("font-family", new Regex("^" + Regex.Escape(Fonts[mode])));
            await host.ScreenshotAsync(shot + "-dark");

            // Each host's colours are its own: never another profile's for the same theme.
            if (mode != DevHostMode.ChatGpt) Assert.NotEqual(ChatGptPalette[sample.Variable][1], dark);
            Assert.Empty(await host.CspViolationsAsync());
            host.AssertNoConsoleErrors();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task In_Claude_read_as_reported_a_widget_loading_its_scripts_from_the_app_is_blocked_and_the_dev_host_says_why()
    {
        await using var app = await SampleServer.StartAsync("Hello");
        await using var host = await browser.Browser.OpenAsync(app.BaseAddress, DevHostMode.Claude);
        await Assertions.Expect(host.Page.GetByLabel("Declared CSP origins")).ToHaveValueAsync("strict");
        await host.CallToolAsync("greet_user", new Dictionary<string, string> { ["name"] = "Ada" });
        await Assertions.Expect(host.Page.GetByTestId("csp-banner")).ToContainTextAsync("Claude did not apply some origins the widget declared.");
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var violations = await host.CspViolationsAsync();
        Assert.Contains(violations, v => v.StartsWith("script-src", StringComparison.Ordinal) && v.Contains(origin, StringComparison.Ordinal));
        var withheld = host.Page.GetByTestId("csp-withheld");
        await Assertions.Expect(withheld).ToContainTextAsync("resourceDomains: " + origin);
        await Assertions.Expect(host.Page.Locator(".panels")).ToContainTextAsync("AssetInline = true");
        await Assertions.Expect(host.Widget.GetByTestId("message")).ToHaveCountAsync(0);
        await host.ScreenshotAsync("hosts-hello-claude-strict-blocked");
        // The browser reports the refusals on the console too; nothing else may be there.
        Assert.All(host.ConsoleErrors, e => Assert.Contains("Content Security Policy", e));

        // Read as documented, the same widget renders.
        await host.SetDeclaredCspOriginsAppliedAsync(true);
        await Assertions.Expect(host.Widget.GetByTestId("message")).ToHaveTextAsync("Hello, Ada!");
    }

    /// <summary>The colour the widget element should have: the variable the dev host sent, or ChatGPT's palette.</summary>
    private static async Task<string> ExpectedColourAsync(DevHostPage host, DevHostMode mode, string variable, string theme)
    {
        var sent = await host.HostStyleVariableAsync(variable);
        if (mode == DevHostMode.ChatGpt)
        {
            Assert.Null(sent);
            return ChatGptPalette[variable][theme == "dark" ? 1 : 0];
        }
        Assert.NotNull(sent);
        return sent;
    }

    /// <summary><c>#rrggbb</c> as a computed style gives it: <c>rgb(r, g, b)</c>.</summary>
    private static string Rgb(string hex)
    {
        Assert.Matches(HexColour(), hex);
        int Part(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $"rgb({Part(1)}, {Part(3)}, {Part(5)})";
    }

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex HexColour();
}
