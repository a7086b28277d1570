namespace Inlay.Tests.Versioning;

public sealed class VersionedUriParsingTests
{
    private const string Declared = "ui://widget/greeting.html";

    [Theory]
    [InlineData(Declared, "Declared", null)]
    [InlineData(Declared + "?v=3f2a9c1b7e0d", "Versioned", "3f2a9c1b7e0d")]
    [InlineData(Declared + "?v=3F2A9C1B7E0D", "Malformed", "3F2A9C1B7E0D")]
    [InlineData(Declared + "?v=3f2a9c1b7e0", "Malformed", "3f2a9c1b7e0")]
    [InlineData(Declared + "?v=3f2a9c1b7e0d&x=1", "Malformed", "3f2a9c1b7e0d&x=1")]
    [InlineData(Declared + "?v=", "Malformed", "")]
    [InlineData(Declared + "?w=3f2a9c1b7e0d", "Other", null)]
    [InlineData("ui://widget/greeting.htmlx", "Other", null)]
    [InlineData("ui://widget/greeting.skybridge.html?v=3f2a9c1b7e0d", "Other", null)]
    [InlineData("ui://widget/other.html", "Other", null)]
    public void A_requested_uri_is_the_declared_one_a_version_of_it_or_another_resource(string requested, string expected, string? version)
    {
        var kind = Enum.Parse<VersionedUri.MatchKind>(expected);
        Assert.Equal(new VersionedUri.Match(kind, version), VersionedUri.Parse(requested, Declared));
        Assert.Equal(kind, VersionedUri.Classify(requested, Declared));
    }

    [Fact]
    public void The_versioned_form_is_the_declared_uri_with_a_v_parameter()
    {
        Assert.Equal(Declared + "?v=3f2a9c1b7e0d", VersionedUri.Of(Declared, "3f2a9c1b7e0d"));
        Assert.Equal(Declared, VersionedUri.Of(Declared, null));
    }
}
