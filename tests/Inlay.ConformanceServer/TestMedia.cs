namespace Inlay.ConformanceServer;

/// <summary>The smallest valid media the fixtures return.</summary>
internal static class TestMedia
{
    /// <summary>A 1x1 red PNG.</summary>
    public static readonly byte[] RedPixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>A WAV file holding one silent 8-bit sample.</summary>
    public static readonly byte[] SilentWav = CreateSilentWav();

    private static byte[] CreateSilentWav()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(37);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);      // PCM
        writer.Write((short)1);      // mono
        writer.Write(8000);          // sample rate
        writer.Write(8000);          // byte rate
        writer.Write((short)1);      // block align
        writer.Write((short)8);      // bits per sample
        writer.Write("data"u8);
        writer.Write(1);
        writer.Write((byte)128);     // silence
        writer.Flush();
        return stream.ToArray();
    }
}
