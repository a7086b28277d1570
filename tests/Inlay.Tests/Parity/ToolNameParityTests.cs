namespace Inlay.Tests.Parity;

/// <summary>A widget tool without an explicit name is named as the SDK names a plain tool.</summary>
public sealed class ToolNameParityTests
{
    public static TheoryData<string, string> Names => new()
    {
        { nameof(ParityTools.GetUserName), "get_user_name" },
        { nameof(ParityTools.FetchOrdersAsync), "fetch_orders" },
        { nameof(ParityTools.LoadAsync), "load" },
        { nameof(ParityTools.SyncAsync), "sync_async" },
        { nameof(ParityTools.Async), "async" },
        { nameof(ParityTools.HTMLParser2Go), "html_parser2_go" },
        { nameof(ParityTools.get_weather__now), "get_weather_now" },
        { nameof(ParityTools.Explicit), "custom.name-1" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Inlay_derives_the_name_the_sdk_derives(string method, string name)
    {
        var (sdk, inlay) = ToolPairs.Of<ParityTools>().For(method);
        Assert.Equal(name, sdk.ProtocolTool.Name);
        Assert.Equal(sdk.ProtocolTool.Name, inlay.ProtocolTool.Name);
    }
}
