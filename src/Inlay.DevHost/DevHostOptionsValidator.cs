using System.Net;
using Microsoft.Extensions.Options;

namespace Inlay.DevHost;

/// <summary>Checks <see cref="DevHostOptions"/> when the app starts, naming the setting as it is configured.</summary>
internal sealed class DevHostOptionsValidator : IValidateOptions<DevHostOptions>
{
    public ValidateOptionsResult Validate(string? name, DevHostOptions options) =>
        options.SandboxPort is < 0 or > IPEndPoint.MaxPort
            ? ValidateOptionsResult.Fail($"Inlay:DevHost:SandboxPort is {options.SandboxPort}; it must be a TCP port (1 to 65535), or 0 for a free one.")
            : ValidateOptionsResult.Success;
}
