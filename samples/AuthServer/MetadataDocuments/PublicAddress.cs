using System.Net;
using System.Net.Sockets;

namespace AuthServer.MetadataDocuments;

/// <summary>
/// Whether an IP address is on the public internet, so a metadata document fetch cannot be aimed at this machine or
/// its private network (SSRF). Loopback, private, shared, link-local, documentation, multicast and reserved ranges are
/// not public, nor IPv6 forms that embed such an IPv4 address.
/// </summary>
public static class PublicAddress
{
    private static readonly (IPAddress Network, int Bits)[] NonPublicV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.0.2.0"), 24), (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16), (IPAddress.Parse("198.18.0.0"), 15), (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24), (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Bits)[] NonPublicV6 =
    [
        (IPAddress.Parse("::"), 96), // unspecified, loopback and the deprecated IPv4-compatible form
        (IPAddress.Parse("64:ff9b::"), 96), (IPAddress.Parse("64:ff9b:1::"), 48), (IPAddress.Parse("100::"), 64),
        (IPAddress.Parse("2001::"), 23), (IPAddress.Parse("2001:db8::"), 32), (IPAddress.Parse("2002::"), 16),
        (IPAddress.Parse("fc00::"), 7), (IPAddress.Parse("fe80::"), 10), (IPAddress.Parse("fec0::"), 10), (IPAddress.Parse("ff00::"), 8),
    ];

    public static bool Is(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var ranges = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => NonPublicV4,
            AddressFamily.InterNetworkV6 => NonPublicV6,
            _ => null,
        };
        return ranges is not null && !ranges.Any(range => InRange(address, range.Network, range.Bits));
    }

    private static bool InRange(IPAddress address, IPAddress network, int bits)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < bits / 8; i++)
        {
            if (a[i] != n[i]) return false;
        }
        var rest = bits % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (a[bits / 8] & mask) == (n[bits / 8] & mask);
    }
}
