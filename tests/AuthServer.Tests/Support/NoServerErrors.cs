using Inlay.AuthServerTesting;

namespace AuthServer.Tests.Support;

/// <summary>Every refusal must be a clear 4xx (or a redirect with an error), never a 5xx.</summary>
public static class NoServerErrors
{
    public static void In(SignInFlow flow)
    {
        var failures = flow.Exchanges.Where(e => e.StatusCode >= 500).ToArray();
        Assert.True(failures.Length == 0, "Server errors: " + string.Join(", ", failures.Select(f => $"{f.Method} {f.Url} → {f.StatusCode}")));
    }

    public static void In(HttpResponseMessage response) =>
        Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
}
