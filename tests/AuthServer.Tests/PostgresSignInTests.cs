using AuthServer.Tests.Support;
using Board.Tests;
using Inlay.AuthServerTesting;
using Npgsql;

namespace AuthServer.Tests;

/// <summary>The same server on PostgreSQL (ConnectionStrings:AuthServer), on a throwaway cluster.</summary>
public sealed class PostgresSignInTests : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly PostgresServer _postgres;
    private readonly TempFolder _folder = new();
    private string _connectionString = "";
    private AuthServerApp? _app;

    public PostgresSignInTests(PostgresServer postgres) => _postgres = postgres;

    public async Task InitializeAsync()
    {
        _connectionString = await _postgres.CreateDatabaseAsync();
        _app = new AuthServerApp(_folder.Path, settings: new Dictionary<string, string?> { ["ConnectionStrings:AuthServer"] = _connectionString });
    }

    public Task DisposeAsync()
    {
        _app?.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sign_in_refresh_and_a_metadata_document_client_work_on_PostgreSQL()
    {
        using var flow = new SignInFlow(_app!.BaseAddress);
        var tokens = await flow.SignInAsync(new SignInRequest { Email = "alice@example.com", Password = "Pass123$", Resource = DevelopmentServer.Resource });
        var token = await AccessTokenValidator.ValidateAsync(_app, tokens.AccessToken!, DevelopmentServer.Resource);
        Assert.Equal("alice@example.com", token.GetClaim("email").Value);
        (await flow.RefreshAsync(tokens.ClientId, tokens.RefreshToken!)).EnsureSuccess();

        // A metadata document URL longer than OpenIddict's default 100-character client_id column.
        await using var documents = await MetadataDocumentHost.StartAsync();
        var clientId = documents.Url("any/" + new string('c', 150) + ".json");
        var viaDocument = await flow.SignInAsync(new SignInRequest
        {
            Email = "alice@example.com", Password = "Pass123$", Resource = DevelopmentServer.Resource, ClientId = clientId,
        });
        Assert.Equal(clientId, viaDocument.ClientId);

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "Users" """, connection);
        Assert.Equal(2L, await count.ExecuteScalarAsync());
        NoServerErrors.In(flow);
    }
}
