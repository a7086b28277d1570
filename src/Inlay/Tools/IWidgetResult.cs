using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Inlay;

/// <summary>A tool result that knows how to become a <see cref="CallToolResult"/>.</summary>
internal interface IWidgetResult
{
    CallToolResult ToCallToolResult(JsonSerializerOptions serializerOptions);
}
