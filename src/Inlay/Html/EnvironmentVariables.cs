namespace Inlay;

/// <summary>Reads environment variables; replaced in tests.</summary>
internal interface IEnvironmentVariables
{
    /// <summary>The variable's value, or <see langword="null"/> when it is not set.</summary>
    string? Get(string name);
}

/// <summary>The process's environment variables.</summary>
internal sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public static readonly ProcessEnvironmentVariables Instance = new();

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
