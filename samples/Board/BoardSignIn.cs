using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Board;

/// <summary>
/// Sign-in for the board, on when <c>Auth:Authority</c> names an OAuth authorization server (such as
/// samples/AuthServer): every tool then needs an access token for this MCP endpoint with the <c>board</c> scope, and
/// each person sees only their own tasks. Off, the board is one local, anonymous board.
/// </summary>
public static class BoardSignIn
{
    /// <summary>The scope every Board tool needs.</summary>
    public const string Scope = "board";

    /// <summary>The configured authority, or <see langword="null"/> when sign-in is off.</summary>
    public static string? Authority(IConfiguration configuration) =>
        configuration["Auth:Authority"] is { Length: > 0 } authority ? authority : null;

    /// <summary>Validates tokens from <paramref name="authority"/> and serves what MCP clients need to sign in.</summary>
    public static void Add(WebApplicationBuilder builder, IMcpServerBuilder mcp, string authority)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                // Keep sub, iss and scope under their JWT names.
                options.MapInboundClaims = false;
                // An authorization server on http is acceptable only on this machine, where no network sits between.
                options.RequireHttpsMetadata = !IsLoopback(authority);
                if (builder.Configuration.GetValue<TimeSpan?>("Auth:ClockSkew") is { } skew)
                    options.TokenValidationParameters.ClockSkew = skew;
            })
            .AddInlayResourceServer(options => options.ResourceMetadata = new() { ResourceName = "Task board" });
        builder.Services.AddAuthorization();
        mcp.RequireToolScopes(Scope);
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
