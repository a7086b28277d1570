namespace Inlay.Tests.Parity;

/// <summary>A service the parity tools take from dependency injection, registered both plain and keyed.</summary>
public sealed class Greeter(string salutation)
{
    public string Greet(string name) => $"{salutation} {name}";
}

/// <summary>A service registered only keyed.</summary>
public sealed class Signature(string text)
{
    public string Text => text;
}
