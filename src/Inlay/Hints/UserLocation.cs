namespace Inlay;

/// <summary>The coarse location a client reports (<c>openai/userLocation</c>). A hint: never use it for authorization.</summary>
/// <param name="City">City name.</param>
/// <param name="Region">Region or state.</param>
/// <param name="Country">Country code.</param>
/// <param name="Timezone">IANA time zone, such as <c>Europe/Paris</c>.</param>
/// <param name="Latitude">Approximate latitude.</param>
/// <param name="Longitude">Approximate longitude.</param>
public sealed record UserLocation(string? City, string? Region, string? Country, string? Timezone, double? Latitude, double? Longitude);
