namespace Inlay;

/// <summary>The process's environment variables.</summary>
internal sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public static readonly ProcessEnvironmentVariables Instance = new();

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
