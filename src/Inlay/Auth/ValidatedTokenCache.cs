using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace Inlay;

/// <summary>
/// Remembers tokens a bearer scheme's handler already found valid, so a host calling tool after tool with the same
/// access token pays for the signature check (an RSA verification, most of what validation costs) once, not on every
/// call. Only an exact repeat of the token on the same endpoint path hits; its lifetime is checked again on every
/// call with the same clock skew, and a token past it goes back to the full validation (which refuses it). Failures
/// are never remembered. Each hit gets its own copy of the identity, so claims an app adds to one request's
/// principal never reach another's.
/// </summary>
internal sealed class ValidatedTokenCache(TokenHandler inner, IHttpContextAccessor http, IMemoryCache cache, TimeProvider clock) : TokenHandler
{
    /// <summary>How long a validated token is remembered at most, whatever its own lifetime.</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public TokenHandler Inner => inner;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = new CacheKey(http.HttpContext?.Request.Path.Value ?? "", token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (cache.TryGetValue(key, out TokenValidationResult? known) && known is not null
            && now <= known.SecurityToken.ValidTo + validationParameters.ClockSkew)
            return Copy(known);

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } securityToken && result.ClaimsIdentity is not null)
        {
            var until = securityToken.ValidTo == DateTime.MinValue ? now + MaxAge : Min(securityToken.ValidTo, now + MaxAge);
            if (until > now)
                cache.Set(key, Copy(result), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = until - now, Size = 1 });
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = (ClaimsIdentity)result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
        TokenContext = result.TokenContext,
    };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private readonly record struct CacheKey(string Path, string Token);
}
