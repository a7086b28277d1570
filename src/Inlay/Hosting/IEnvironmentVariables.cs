namespace Inlay;

/// <summary>Reads environment variables; replaced in tests.</summary>
internal interface IEnvironmentVariables
{
    /// <summary>The variable's value, or <see langword="null"/> when it is not set.</summary>
    string? Get(string name);
}
