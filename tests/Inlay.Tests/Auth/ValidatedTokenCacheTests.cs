using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inlay.Tests.Auth;

public sealed class ValidatedTokenCacheTests : IDisposable
{
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "k" };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingHandler _inner = new();
    private readonly HttpContextAccessor _http = new() { HttpContext = new DefaultHttpContext { Request = { Path = "/mcp" } } };
    private readonly ValidatedTokens _store = new();
    private readonly ValidatedTokenCache _cache;

    public ValidatedTokenCacheTests() => _cache = new ValidatedTokenCache(_inner, _http, _store.Cache, _clock);

    public void Dispose() => _store.Dispose();

    /// <summary>The real handler, counting how often it validates; its lifetime check reads the test's clock.</summary>
    private sealed class CountingHandler : JsonWebTokenHandler
    {
        public int Validations { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Validations++;
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "https://auth.example",
        ValidAudience = "https://app.example/mcp",
        IssuerSigningKey = Key,
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, p) => _clock.GetUtcNow().UtcDateTime <= expires + p.ClockSkew,
    };

    private string Token(TimeSpan lifetime, SecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://auth.example",
        Audience = "https://app.example/mcp",
        Subject = new ClaimsIdentity([new Claim("sub", "alice")]),
        IssuedAt = _clock.GetUtcNow().UtcDateTime,
        NotBefore = _clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
        Expires = _clock.GetUtcNow().UtcDateTime + lifetime,
        SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
    });

    [Fact]
    public async Task A_repeated_token_is_validated_once_and_each_call_gets_its_own_identity()
    {
        var token = Token(TimeSpan.FromMinutes(10));
        var first = await _cache.ValidateTokenAsync(token, Parameters());
        var second = await _cache.ValidateTokenAsync(token, Parameters());
        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, _inner.Validations);
        Assert.Equal("alice", second.ClaimsIdentity.FindFirst("sub")?.Value);
        second.ClaimsIdentity.AddClaim(new Claim("role", "added-by-the-app"));
        var third = await _cache.ValidateTokenAsync(token, Parameters());
        Assert.Null(third.ClaimsIdentity.FindFirst("role"));
        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
    }

    [Fact]
    public async Task A_remembered_token_past_its_lifetime_and_skew_is_validated_again_and_refused()
    {
        var token = Token(TimeSpan.FromMinutes(2));
        Assert.True((await _cache.ValidateTokenAsync(token, Parameters())).IsValid);
        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(20));
        Assert.True((await _cache.ValidateTokenAsync(token, Parameters())).IsValid);   // within the skew
        Assert.Equal(1, _inner.Validations);
        _clock.Advance(TimeSpan.FromSeconds(20));
        var late = await _cache.ValidateTokenAsync(token, Parameters());
        Assert.False(late.IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task Refusals_are_not_remembered_and_another_path_validates_again()
    {
        var forged = Token(TimeSpan.FromMinutes(10), new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k" });
        Assert.False((await _cache.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.False((await _cache.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.Equal(2, _inner.Validations);

        var token = Token(TimeSpan.FromMinutes(10));
        await _cache.ValidateTokenAsync(token, Parameters());
        _http.HttpContext!.Request.Path = "/other-mcp";
        await _cache.ValidateTokenAsync(token, Parameters());
        Assert.Equal(4, _inner.Validations);
    }
}
