namespace Inlay;

/// <summary>
/// The hosts the app targets (<see cref="InlayOptions.Hosts"/>; every host when none is named). Start-up validation
/// warns about declarations that cannot work in a targeted host, and the wire takes a targeted host's form when that
/// host calls; a host that is not targeted gets what the generic MCP Apps host gets.
/// </summary>
internal sealed class HostTargets
{
    /// <param name="ids">The configured host ids; empty for all. Unknown ids are left out (<see cref="UnknownIds"/> reports them).</param>
    public HostTargets(IEnumerable<string> ids)
    {
        var named = ids.Where(id => !string.IsNullOrWhiteSpace(id)).ToList();
        Profiles = named.Count == 0
            ? HostProfiles.All
            : [.. HostProfiles.All.Where(profile => named.Any(id => string.Equals(id.Trim(), profile.Id, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The targeted profiles, in <see cref="HostProfiles.All"/> order.</summary>
    public IReadOnlyList<HostProfile> Profiles { get; }

    /// <summary>Configured ids that name no host Inlay knows.</summary>
    public static IEnumerable<string> UnknownIds(IEnumerable<string> ids) =>
        ids.Where(id => !string.IsNullOrWhiteSpace(id) && HostProfiles.Find(id) is null);
}
