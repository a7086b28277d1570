using System.Diagnostics.CodeAnalysis;

namespace Inlay;

/// <summary>
/// Names an <see cref="InlayExtension"/> the app uses, on the app's assembly:
/// <c>[assembly: InlayExtension(typeof(Inlay.DevHost.DevHostExtension))]</c>. <c>WithInlay()</c> adds each one it finds
/// on the app's assembly (the host environment's application name, else the entry assembly). A package's build files
/// write the attribute, so referencing the package is enough.
/// </summary>
/// <param name="extensionType">The extension: a public class deriving from <see cref="InlayExtension"/> with a public parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class InlayExtensionAttribute(
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type extensionType) : Attribute
{
    /// <summary>The extension's type.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type ExtensionType { get; } = extensionType;
}
