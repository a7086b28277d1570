namespace Inlay;

/// <summary>
/// One check of a widget declaration against a host profile, with a stable id that start-up warnings, the dev host and
/// audits all print. Ids are never reused for another check.
/// </summary>
/// <param name="Id">The rule's id, such as <c>IH001</c>.</param>
/// <param name="Title">What the rule finds, in a few words.</param>
public sealed record HostRule(string Id, string Title);
