using System.Security.Cryptography;
using System.Text;

namespace Inlay.Tests.Hosts;

public sealed class ClaudeSandboxDomainTests
{
    [Fact]
    public void Matches_the_example_in_claudes_docs()
    {
        Assert.Equal("c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com", ClaudeSandboxDomain.For("https://example.com/mcp"));
    }

    [Theory]
    [InlineData("https://api.example.com/mcp")]
    [InlineData("https://api.example.com/mcp/")]
    [InlineData("https://www.gamedev.pl/api/mcp?key=a")]
    public void Is_the_first_32_hex_digits_of_the_sha256_of_the_whole_url(string url)
    {
        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32].ToLowerInvariant() + ".claudemcpcontent.com";
        Assert.Equal(expected, ClaudeSandboxDomain.For(url));
    }

    [Fact]
    public void A_long_url_is_hashed_too()
    {
        var url = "https://api.example.com/mcp?" + new string('x', 3000);
        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32].ToLowerInvariant() + ".claudemcpcontent.com";
        Assert.Equal(expected, ClaudeSandboxDomain.For(url));
    }

    [Theory]
    [InlineData("c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com", true)]
    [InlineData("https://c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com", true)]
    [InlineData("https://myapp.example.com", false)]
    [InlineData("https://claudemcpcontent.com.example.com", false)]
    public void Recognizes_claudes_form(string domain, bool claudeForm) =>
        Assert.Equal(claudeForm, ClaudeSandboxDomain.IsClaudeForm(domain));
}
