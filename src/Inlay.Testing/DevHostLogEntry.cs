using System.Text.Json;

namespace Inlay.Testing;

/// <summary>One message in the dev host's Log tab (<see cref="DevHostPage.MessageLogAsync"/>).</summary>
/// <param name="Channel"><c>bridge</c>, <c>mcp</c>, <c>openai</c>, <c>csp</c> or <c>auth</c>.</param>
/// <param name="Direction"><c>out</c> (sent by the page) or <c>in</c>.</param>
/// <param name="Label">The method, or <c>method (response)</c> for a response.</param>
/// <param name="Message">The message as logged.</param>
public sealed record DevHostLogEntry(string Channel, string Direction, string Label, JsonElement Message);
