using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace AuthServer.Keys;

/// <summary>
/// The server's keys, kept as files so tokens outlive a restart. Signing keys are RSA 2048 PEM files named
/// <c>signing-{UTC time}.pem</c>: all of them are published in the JWKS and the newest signs, so a new key can be added
/// (<see cref="AddSigningKey"/>) while tokens signed by the old one still validate. <c>encryption.key</c> is the
/// AES-256 key OpenIddict encrypts its own tokens with (authorization codes, refresh tokens). Files are created
/// readable by the owner only; the folder itself too.
/// </summary>
public sealed class KeyFolder(string path)
{
    private const string SigningPrefix = "signing-";
    private const string EncryptionFile = "encryption.key";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Path { get; } = path;

    /// <summary>Every signing key, newest first, each with its RFC 7638 thumbprint as key id; creates one if none.</summary>
    public IReadOnlyList<RsaSecurityKey> LoadSigningKeys()
    {
        var files = SigningKeyFiles();
        if (files.Count == 0)
        {
            AddSigningKey();
            files = SigningKeyFiles();
        }
        return files.Select(LoadSigningKey).ToArray();
    }

    /// <summary>Creates a new signing key, which signs from the next start on. Returns its file.</summary>
    public string AddSigningKey()
    {
        using var rsa = RSA.Create(2048);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var file = System.IO.Path.Combine(EnsureFolder(), SigningPrefix + stamp + ".pem");
        WriteOwnerOnly(file, rsa.ExportPkcs8PrivateKeyPem());
        return file;
    }

    /// <summary>
    /// The folder for ASP.NET Core Data Protection's key ring (the sign-in cookie, antiforgery tokens), so sessions
    /// outlive a restart and nothing is written outside the keys folder.
    /// </summary>
    public DirectoryInfo DataProtectionFolder()
    {
        var folder = System.IO.Path.Combine(EnsureFolder(), "data-protection");
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new DirectoryInfo(folder);
    }

    /// <summary>The key for OpenIddict's own encrypted tokens; created on first use.</summary>
    public SymmetricSecurityKey LoadEncryptionKey()
    {
        var file = System.IO.Path.Combine(EnsureFolder(), EncryptionFile);
        if (!File.Exists(file))
        {
            try
            {
                WriteOwnerOnly(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first: use theirs.
            }
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }

    private List<string> SigningKeyFiles() =>
        Directory.Exists(Path)
            ? Directory.GetFiles(Path, SigningPrefix + "*.pem").OrderDescending(StringComparer.Ordinal).ToList()
            : [];

    private static RsaSecurityKey LoadSigningKey(string file)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(file));
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private string EnsureFolder()
    {
        if (!Directory.Exists(Path))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Path);
            else Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return Path;
    }

    private static void WriteOwnerOnly(string file, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using var writer = new StreamWriter(file, System.Text.Encoding.ASCII, options);
        writer.Write(content);
    }
}
