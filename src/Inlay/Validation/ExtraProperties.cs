namespace Inlay;

/// <summary>What an object schema says about properties it does not name.</summary>
internal enum ExtraProperties
{
    /// <summary>Allowed and not checked: the default, and what the SDK's schemas mean.</summary>
    Allowed,

    /// <summary><c>additionalProperties: false</c>: each is reported as unknown.</summary>
    Forbidden,

    /// <summary><c>additionalProperties: {schema}</c>, as the SDK writes for a dictionary: each must fit the schema.</summary>
    Checked,
}
